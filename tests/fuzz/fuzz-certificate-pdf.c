/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "ak-certificate-pdf.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/*
 * What --verify-certificate reads: any file, up to the size limit. A
 * record read back must be one the reader would accept again when written
 * out anew, with a well-formed hash; anything else must fail with an
 * error of the certificate domain.
 */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(AkCertificateRecord) record = NULL;
  g_autoptr(AkCertificateRecord) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *hash_again = NULL;
  g_autofree char *keywords = NULL;

  if (size > AK_CERTIFICATE_MAX_PDF_SIZE)
    return 0;

  record = ak_certificate_pdf_read_data (data, size, &hash, &error);
  if (record == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == AK_CERTIFICATE_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (hash), ==, 64);
  g_assert_true (ak_certificate_name_is_valid (record->learner_name));

  keywords = ak_certificate_record_to_keywords (record);
  again = ak_certificate_record_from_keywords (keywords, &hash_again, &error);
  g_assert_no_error (error);
  g_assert_true (ak_certificate_record_equal (record, again));
  return 0;
}
