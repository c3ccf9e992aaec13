#ifndef CLIBXSLT_SHIM_H
#define CLIBXSLT_SHIM_H
/* Debian's libxml2 is built with ICU, and then <libxml/encoding.h> includes the system's
   <unicode/ucnv.h>, whose UErrorCode clashes with Foundation's own ICU module: a clean build of any
   module importing both fails with "'UErrorCode' has different definitions in different modules"
   (an incremental build hides it). We never touch xmlCharEncodingHandler's ICU fields, so hide them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/relaxng.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>
#include <libxslt/security.h>
#include <libxslt/variables.h>
#include <libexslt/exslt.h>
#endif
