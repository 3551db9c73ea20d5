#ifndef GUIDEGEN_CCURLSHIM_H
#define GUIDEGEN_CCURLSHIM_H

#include <stddef.h>

/// libcurl, loaded with dlopen the first time `guidegen validate --online` sends a request, so
/// that no other command pays for loading it and the thirty libraries it needs at start-up
/// (about 11 ms a process on the benchmark machine). Its easy interface, one blocking request
/// per call; the caller runs each call on a thread of its own.

/// Loads libcurl once; NULL when it is ready, else why it could not be loaded.
const char *guidegen_curl_load(void);

/// One request and what came back.
typedef struct guidegen_curl_call guidegen_curl_call;

/// A request: `method` is "HEAD" or "GET"; `headers` are "Name: value" lines. At most
/// `max_body` bytes of the body are kept (0: only the status and headers).
guidegen_curl_call *guidegen_curl_call_new(const char *method, const char *url, const char *const *headers, size_t header_count,
                                           long timeout_ms, size_t max_body);
/// Sends the request and waits for the answer; returns libcurl's result code (0: answered).
int guidegen_curl_call_perform(guidegen_curl_call *call);
/// Makes a running `perform` stop as soon as libcurl next reports progress; safe from any thread.
void guidegen_curl_call_cancel(guidegen_curl_call *call);
void guidegen_curl_call_free(guidegen_curl_call *call);

/// The answer, after `perform`: the status of the last response, its header lines as received
/// (from the status line on), the body kept and whether it was cut, and libcurl's error text.
long guidegen_curl_call_status(const guidegen_curl_call *call);
const char *guidegen_curl_call_headers(const guidegen_curl_call *call, size_t *length);
const char *guidegen_curl_call_body(const guidegen_curl_call *call, size_t *length);
int guidegen_curl_call_body_truncated(const guidegen_curl_call *call);
const char *guidegen_curl_call_error(const guidegen_curl_call *call);

#endif
