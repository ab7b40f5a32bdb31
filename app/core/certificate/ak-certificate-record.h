/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ak-course.h"
#include "ak-progress-store.h"

G_BEGIN_DECLS

/*
 * What a certificate of participation certifies: a learner passed a quiz
 * of a course (in one version) with a score on a day. The same record is
 * printed on the page, written into the PDF's metadata and hashed; the
 * hash lets a reader of the PDF see whether any field was changed, and
 * `akademie --verify-certificate` checks the record against the store.
 */

#define AK_CERTIFICATE_ERROR (ak_certificate_error_quark ())

/**
 * AkCertificateError:
 * @AK_CERTIFICATE_ERROR_UNREADABLE: the file cannot be read, is too large
 *   or is no PDF
 * @AK_CERTIFICATE_ERROR_NO_RECORD: the PDF holds no Akademie certificate
 * @AK_CERTIFICATE_ERROR_MALFORMED: the certificate's record is damaged or
 *   holds several different records
 *
 * Every message is translated and names no more of the file than a
 * shortened, escaped excerpt.
 */
typedef enum
{
  AK_CERTIFICATE_ERROR_UNREADABLE,
  AK_CERTIFICATE_ERROR_NO_RECORD,
  AK_CERTIFICATE_ERROR_MALFORMED
} AkCertificateError;

/* How the record in a PDF's keywords begins. */
#define AK_CERTIFICATE_RECORD_MARKER "akademie-certificate-1"

/* The longest field a record may hold, in bytes. */
#define AK_CERTIFICATE_MAX_FIELD 512

typedef struct
{
  char  *course_id;
  char  *course_version;
  char  *quiz_id;
  char  *learner_name;    /* NFC */
  guint  score;           /* whole percent of the points, 0 to 100, rounded down */
  char  *date;            /* the learner's local day, YYYY-MM-DD */
} AkCertificateRecord;

GQuark               ak_certificate_error_quark           (void);

AkCertificateRecord *ak_certificate_record_new            (const char                *course_id,
                                                           const char                *course_version,
                                                           const char                *quiz_id,
                                                           const char                *learner_name,
                                                           guint                      score,
                                                           const char                *date);
AkCertificateRecord *ak_certificate_record_new_for_attempt (const AkProgressAttempt  *attempt,
                                                            const char               *learner_name);
AkCertificateRecord *ak_certificate_record_copy           (const AkCertificateRecord *record);
void                 ak_certificate_record_free           (AkCertificateRecord       *record);
gboolean             ak_certificate_record_equal          (const AkCertificateRecord *a,
                                                           const AkCertificateRecord *b);

gboolean             ak_certificate_name_is_valid         (const char                *name);
guint                ak_certificate_score_percent         (double                     score,
                                                           double                     max_score);
char                *ak_certificate_date_for_time         (gint64                     time);
char                *ak_certificate_format_date           (const char                *iso_date);

char                *ak_certificate_record_compute_hash   (const AkCertificateRecord *record);
char                *ak_certificate_record_to_keywords    (const AkCertificateRecord *record);
AkCertificateRecord *ak_certificate_record_from_keywords  (const char                *keywords,
                                                           char                     **hash,
                                                           GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AkCertificateRecord, ak_certificate_record_free)

G_END_DECLS
