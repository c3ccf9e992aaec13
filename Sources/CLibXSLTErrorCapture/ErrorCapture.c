#include "CLibXSLTErrorCapture.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlerror.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

/* One buffer per thread, so transforms running on several threads never mix their messages. */
static __thread char *buffer = NULL;
static __thread size_t length = 0;
static __thread int capturing = 0;

/* At most this much text is kept; an endless stream of messages must not exhaust memory. */
#define CAPTURE_LIMIT (64 * 1024)

static void collect(void *unused, const char *format, ...) {
    (void)unused;
    if (!capturing || length >= CAPTURE_LIMIT) {
        return;
    }
    char piece[2048];
    va_list arguments;
    va_start(arguments, format);
    int written = vsnprintf(piece, sizeof piece, format, arguments);
    va_end(arguments);
    if (written <= 0) {
        return;
    }
    size_t add = strlen(piece);
    if (length + add > CAPTURE_LIMIT) {
        add = CAPTURE_LIMIT - length;
    }
    char *grown = realloc(buffer, length + add + 1);
    if (grown == NULL) {
        return;
    }
    buffer = grown;
    memcpy(buffer + length, piece, add);
    length += add;
    buffer[length] = '\0';
}

static pthread_once_t install_once = PTHREAD_ONCE_INIT;

/* libxslt's generic error function is one process-wide global: set it once. `collect` writes to
   the calling thread's buffer, and ignores text when that thread is not capturing. */
static void install_process_wide(void) {
    xsltSetGenericErrorFunc(NULL, collect);
}

void attendoc_capture_begin(void) {
    pthread_once(&install_once, install_process_wide);
    /* libxml2's generic error function is per thread. */
    xmlSetGenericErrorFunc(NULL, collect);
    free(buffer);
    buffer = NULL;
    length = 0;
    capturing = 1;
}

void attendoc_capture_transform(void *transform_context) {
    xsltSetTransformErrorFunc((xsltTransformContextPtr)transform_context, NULL, collect);
}

char *attendoc_capture_end(void) {
    capturing = 0;
    char *collected = buffer;
    buffer = NULL;
    length = 0;
    return collected;
}
