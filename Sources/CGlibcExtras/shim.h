// glibc functions Swift's Glibc module leaves out (GNU extensions and malloc.h); libc has them.

// syncfs(2) (glibc 2.14): flushes the file system that holds a file to disk, all at once.
int syncfs(int fd);

// memmem(3): the first place a run of bytes occurs in a block of memory (glibc's is vectorised).
#include <stddef.h>
void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);

// mallopt(3) and its M_* parameters.
#include <malloc.h>
