#ifndef CLIBXSLT_ERROR_CAPTURE_H
#define CLIBXSLT_ERROR_CAPTURE_H

/* libxslt (and libxml2's generic channel) report errors and xsl:message text through printf-style
   variadic callbacks. Swift cannot implement a variadic C function, so this tiny C target collects
   that text into a per-thread buffer that the Swift wrapper reads back.

   Only SafeXML calls these. */

/* Start collecting on the calling thread: clears the buffer and routes libxslt's and libxml2's
   generic error channels (and libxslt's per-thread default) into it. */
void attendoc_capture_begin(void);

/* Route one transform context's errors and xsl:message output into the buffer.
   `transform_context` is an xsltTransformContextPtr. */
void attendoc_capture_transform(void *transform_context);

/* Stop collecting and return what was collected (malloc'd, NUL-terminated; the caller frees it),
   or NULL when nothing was reported. */
char *attendoc_capture_end(void);

#endif
