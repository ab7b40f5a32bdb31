/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ak-certificate-record.h"

G_BEGIN_DECLS

/* Larger files are no certificate of ours and are not read. */
#define AK_CERTIFICATE_MAX_PDF_SIZE (4 * 1024 * 1024)

AkCertificateRecord *ak_certificate_pdf_read_data (const guint8  *data,
                                                   gsize          length,
                                                   char         **hash,
                                                   GError       **error);
AkCertificateRecord *ak_certificate_pdf_read      (const char    *path,
                                                   char         **hash,
                                                   GError       **error);

G_END_DECLS
