#ifndef REGARDS_CXLSXWRITER_H
#define REGARDS_CXLSXWRITER_H

/* libxlsxwriter's API, from the system's headers (libxlsxwriter-dev). The library itself is not
 * linked: it is opened the first time a workbook is written (see loader.c), so the commands that
 * write no workbook do not pay for loading it and its dependencies (minizip, libcrypto, zlib). */
#include "LazyLibrary.h"
#include <xlsxwriter.h>

/* Opens libxlsxwriter if it is not open yet. Returns NULL when it is usable, else why it is not. */
const regards_library_failure *regards_xlsx_open(void);

#endif
