// glibc functions Swift's Glibc module leaves out (GNU extensions and malloc.h); libc has them.

// syncfs(2) (glibc 2.14): flushes the file system that holds a file to disk, all at once.
int syncfs(int fd);

// mallopt(3) and its M_* parameters.
#include <malloc.h>
