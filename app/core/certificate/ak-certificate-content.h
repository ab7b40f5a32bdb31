/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ak-certificate-record.h"
#include "ak-course-library.h"

G_BEGIN_DECLS

/* Everything a certificate page shows, gathered from the model and the
 * store, so that drawing it needs neither. */
typedef struct
{
  AkCertificateRecord  *record;
  char                 *hash;
  char                 *course_title;
  char                 *quiz_title;
  GStrv                 theses;       /* short labels, in the order the quiz tests them */
} AkCertificateContent;

AkCertificateContent *ak_certificate_content_new    (AkCourse                  *course,
                                                     const char                *quiz_id,
                                                     const AkCertificateRecord *record,
                                                     AkCourseLibrary           *library);
void                  ak_certificate_content_free   (AkCertificateContent      *content);
char                 *ak_certificate_thesis_label   (const char                *markup,
                                                     const char                *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AkCertificateContent, ak_certificate_content_free)

G_END_DECLS
