// glibc functions Swift's Glibc module leaves out (GNU extensions and malloc.h); libc has them.

// syncfs(2) (glibc 2.14): flushes the file system that holds a file to disk, all at once.
int syncfs(int fd);

// memmem(3): the first place a run of bytes occurs in a block of memory (glibc's is vectorised).
#include <stddef.h>
void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);

// renameat2(2) (glibc 2.28) and its flag that makes a rename fail rather than replace its target.
int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags);
#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif

// mallopt(3) and its M_* parameters.
#include <malloc.h>
