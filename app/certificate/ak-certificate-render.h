/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ak-certificate-content.h"

G_BEGIN_DECLS

/* A certificate of participation as a one-page A4 PDF, drawn with cairo
 * and Pango only. The record goes into the PDF's keywords, where
 * `akademie --verify-certificate` reads it back. */
GBytes   *ak_certificate_render         (const AkCertificateContent *content,
                                         GError                    **error);
gboolean  ak_certificate_render_to_file (const AkCertificateContent *content,
                                         GFile                      *file,
                                         GCancellable               *cancellable,
                                         GError                    **error);

G_END_DECLS
