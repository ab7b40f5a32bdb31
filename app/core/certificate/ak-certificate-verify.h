/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ak-certificate-record.h"
#include "ak-progress-store.h"

G_BEGIN_DECLS

/**
 * AkCertificateCheck:
 * @AK_CERTIFICATE_VALID: the record is unchanged, names the learner, and
 *   the store holds a passed attempt that fits it
 * @AK_CERTIFICATE_CHANGED: the hash does not fit the record: a field was
 *   changed after the certificate was made
 * @AK_CERTIFICATE_OTHER_LEARNER: the name is not the learner's
 * @AK_CERTIFICATE_NO_ATTEMPT: no finished, passed attempt at that quiz of
 *   that course version has that score on that day
 */
typedef enum
{
  AK_CERTIFICATE_VALID,
  AK_CERTIFICATE_CHANGED,
  AK_CERTIFICATE_OTHER_LEARNER,
  AK_CERTIFICATE_NO_ATTEMPT
} AkCertificateCheck;

gboolean ak_certificate_verify (AkProgressStore           *store,
                                const AkCertificateRecord *record,
                                const char                *hash,
                                const char *const         *learner_names,
                                AkCertificateCheck        *check,
                                GError                   **error);

AkProgressAttempt *ak_certificate_find_attempt (AkProgressStore  *store,
                                                AkCourse         *course,
                                                const char       *quiz_id,
                                                gint64            attempt_id,
                                                GError          **error);

G_END_DECLS
