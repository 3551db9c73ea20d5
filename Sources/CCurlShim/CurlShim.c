#include "CCurlShim.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

// The few libcurl constants used (from curl/curl.h; they are part of its stable ABI).
enum {
    OPT_WRITEDATA = 10001, OPT_URL = 10002, OPT_ERRORBUFFER = 10010, OPT_WRITEFUNCTION = 20011,
    OPT_HTTPHEADER = 10023, OPT_HEADERDATA = 10029, OPT_NOPROGRESS = 43, OPT_NOBODY = 44,
    OPT_XFERINFODATA = 10057, OPT_HEADERFUNCTION = 20079, OPT_HTTPGET = 80, OPT_NOSIGNAL = 99,
    OPT_ACCEPT_ENCODING = 10102, OPT_TIMEOUT_MS = 155, OPT_PROTOCOLS = 181, OPT_XFERINFOFUNCTION = 20219,
    INFO_RESPONSE_CODE = 0x200002, GLOBAL_DEFAULT = 3, PROTO_HTTP_HTTPS = 3,
    E_OK = 0, E_WRITE_ERROR = 23, ERROR_SIZE = 256, HEADERS_LIMIT = 256 * 1024,
};

struct slist;
static struct {
    int (*global_init)(long);
    void *(*easy_init)(void);
    int (*easy_setopt)(void *, int, ...);
    int (*easy_perform)(void *);
    int (*easy_getinfo)(void *, int, ...);
    void (*easy_cleanup)(void *);
    const char *(*easy_strerror)(int);
    struct slist *(*slist_append)(struct slist *, const char *);
    void (*slist_free_all)(struct slist *);
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const char *load_error = "libcurl was not loaded";

static void load(void) {
    // GUIDEGEN_LIBCURL names another copy; else Debian's libcurl4 (OpenSSL), libcurl3-gnutls,
    // the development link name, macOS's.
    const char *chosen = getenv("GUIDEGEN_LIBCURL");
    const char *names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so", "libcurl.4.dylib"};
    void *library = NULL;
    if (chosen && *chosen) {
        library = dlopen(chosen, RTLD_NOW | RTLD_LOCAL);
    } else {
        for (size_t index = 0; index < sizeof names / sizeof *names && !library; index++) library = dlopen(names[index], RTLD_NOW | RTLD_LOCAL);
    }
    if (!library) {
        load_error = chosen && *chosen
            ? "GUIDEGEN_LIBCURL does not name a libcurl that can be loaded: correct or unset it"
            : "libcurl is not installed: install it (Debian: apt-get install libcurl4) to check links online";
        return;
    }
#define SYMBOL(field, name) \
    if (!(*(void **)&curl.field = dlsym(library, name))) { load_error = "the installed libcurl lacks " name ": install libcurl 7.32 or later"; return; }
    SYMBOL(global_init, "curl_global_init")
    SYMBOL(easy_init, "curl_easy_init")
    SYMBOL(easy_setopt, "curl_easy_setopt")
    SYMBOL(easy_perform, "curl_easy_perform")
    SYMBOL(easy_getinfo, "curl_easy_getinfo")
    SYMBOL(easy_cleanup, "curl_easy_cleanup")
    SYMBOL(easy_strerror, "curl_easy_strerror")
    SYMBOL(slist_append, "curl_slist_append")
    SYMBOL(slist_free_all, "curl_slist_free_all")
#undef SYMBOL
    if (curl.global_init(GLOBAL_DEFAULT) != E_OK) {
        load_error = "libcurl could not start (curl_global_init failed)";
        return;
    }
    load_error = NULL;
}

const char *guidegen_curl_load(void) {
    pthread_once(&load_once, load);
    return load_error;
}

typedef struct {
    char *bytes;
    size_t length;
} buffer;

static int append(buffer *buffer, const char *bytes, size_t count) {
    if (count == 0) return 1;
    char *grown = realloc(buffer->bytes, buffer->length + count + 1);
    if (!grown) return 0;
    memcpy(grown + buffer->length, bytes, count);
    buffer->bytes = grown;
    buffer->length += count;
    buffer->bytes[buffer->length] = 0;
    return 1;
}

struct guidegen_curl_call {
    void *handle;
    struct slist *headers;
    size_t max_body;
    buffer response_headers;
    buffer body;
    int truncated;
    // The write callback stopped the transfer on purpose (body cut or not wanted).
    int stopped;
    atomic_int cancelled;
    long status;
    char error[ERROR_SIZE];
};

static size_t on_body(char *bytes, size_t size, size_t count, void *context) {
    guidegen_curl_call *call = context;
    size_t total = size * count;
    if (call->max_body == 0) {
        call->stopped = 1;
        return 0;
    }
    size_t room = call->max_body - call->body.length;
    if (!append(&call->body, bytes, total < room ? total : room)) return 0;
    if (call->body.length >= call->max_body) {
        call->truncated = 1;
        call->stopped = 1;
        return 0;
    }
    return total;
}

static size_t on_header(char *bytes, size_t size, size_t count, void *context) {
    guidegen_curl_call *call = context;
    size_t total = size * count;
    // A new status line (after 100 Continue, or a proxy's answer) starts the headers again.
    if (total >= 5 && memcmp(bytes, "HTTP/", 5) == 0) call->response_headers.length = 0;
    if (call->response_headers.length + total > HEADERS_LIMIT || !append(&call->response_headers, bytes, total)) return 0;
    return total;
}

static int on_progress(void *context, long long download_total, long long downloaded, long long upload_total, long long uploaded) {
    (void)download_total, (void)downloaded, (void)upload_total, (void)uploaded;
    guidegen_curl_call *call = context;
    return atomic_load(&call->cancelled) ? 1 : 0;
}

guidegen_curl_call *guidegen_curl_call_new(const char *method, const char *url, const char *const *headers, size_t header_count,
                                           long timeout_ms, size_t max_body) {
    if (guidegen_curl_load()) return NULL;
    guidegen_curl_call *call = calloc(1, sizeof *call);
    if (!call) return NULL;
    call->handle = curl.easy_init();
    if (!call->handle) {
        free(call);
        return NULL;
    }
    call->max_body = max_body;
    for (size_t index = 0; index < header_count; index++) {
        struct slist *list = curl.slist_append(call->headers, headers[index]);
        if (list) call->headers = list;
    }
    void *handle = call->handle;
    curl.easy_setopt(handle, OPT_URL, url);
    curl.easy_setopt(handle, OPT_PROTOCOLS, (long)PROTO_HTTP_HTTPS);
    if (strcmp(method, "HEAD") == 0) curl.easy_setopt(handle, OPT_NOBODY, 1L);
    else curl.easy_setopt(handle, OPT_HTTPGET, 1L);
    curl.easy_setopt(handle, OPT_HTTPHEADER, call->headers);
    curl.easy_setopt(handle, OPT_TIMEOUT_MS, timeout_ms);
    curl.easy_setopt(handle, OPT_NOSIGNAL, 1L);
    curl.easy_setopt(handle, OPT_ACCEPT_ENCODING, "");
    curl.easy_setopt(handle, OPT_ERRORBUFFER, call->error);
    curl.easy_setopt(handle, OPT_WRITEFUNCTION, on_body);
    curl.easy_setopt(handle, OPT_WRITEDATA, call);
    curl.easy_setopt(handle, OPT_HEADERFUNCTION, on_header);
    curl.easy_setopt(handle, OPT_HEADERDATA, call);
    curl.easy_setopt(handle, OPT_NOPROGRESS, 0L);
    curl.easy_setopt(handle, OPT_XFERINFOFUNCTION, on_progress);
    curl.easy_setopt(handle, OPT_XFERINFODATA, call);
    return call;
}

int guidegen_curl_call_perform(guidegen_curl_call *call) {
    int result = curl.easy_perform(call->handle);
    curl.easy_getinfo(call->handle, INFO_RESPONSE_CODE, &call->status);
    if (result == E_WRITE_ERROR && call->stopped) result = E_OK;
    if (result != E_OK && call->error[0] == 0) {
        strncpy(call->error, curl.easy_strerror(result), ERROR_SIZE - 1);
    }
    return result;
}

void guidegen_curl_call_cancel(guidegen_curl_call *call) { atomic_store(&call->cancelled, 1); }

void guidegen_curl_call_free(guidegen_curl_call *call) {
    if (!call) return;
    curl.easy_cleanup(call->handle);
    curl.slist_free_all(call->headers);
    free(call->response_headers.bytes);
    free(call->body.bytes);
    free(call);
}

long guidegen_curl_call_status(const guidegen_curl_call *call) { return call->status; }

const char *guidegen_curl_call_headers(const guidegen_curl_call *call, size_t *length) {
    *length = call->response_headers.length;
    return call->response_headers.bytes;
}

const char *guidegen_curl_call_body(const guidegen_curl_call *call, size_t *length) {
    *length = call->body.length;
    return call->body.bytes;
}

int guidegen_curl_call_body_truncated(const guidegen_curl_call *call) { return call->truncated; }

const char *guidegen_curl_call_error(const guidegen_curl_call *call) { return call->error; }
