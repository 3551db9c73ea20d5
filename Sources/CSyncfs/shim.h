// syncfs(2) (Linux, glibc 2.14): flushes the file system that holds a file to disk, all at once.
// Swift's Glibc module leaves it out (it is a GNU extension), so it is declared here; libc has it.
int syncfs(int fd);
