/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ak-certificate-record.h"

/*
 * The record in the PDF's keywords is plain ASCII, one line:
 *
 *   akademie-certificate-1 course=ID version=V quiz=ID name=NAME score=N
 *     date=YYYY-MM-DD sha256=HEX
 *
 * with every value percent-encoded (all but A–Z a–z 0–9 - . _ ~), so that
 * it survives any PDF string encoding and is read back without guessing.
 *
 * The hash is the lowercase hex SHA-256 of the canonical encoding:
 *
 *   "akademie-certificate-1\n", then for course, version, quiz, name,
 *   score and date in this order: "KEY:LENGTH:VALUE\n"
 *
 * where LENGTH is the value's length in bytes as a decimal number, the
 * name is in Unicode NFC, the score a decimal number without leading
 * zeros and the date YYYY-MM-DD. The lengths make the encoding
 * unambiguous whatever a value holds.
 */

#define RECORD_MARKER AK_CERTIFICATE_RECORD_MARKER
#define HASH_LENGTH 64

G_DEFINE_QUARK (ak-certificate-error-quark, ak_certificate_error)

static const char *const field_keys[] = { "course", "version", "quiz", "name", "score", "date" };
#define N_FIELDS G_N_ELEMENTS (field_keys)

/**
 * ak_certificate_record_new:
 * @learner_name: the name as the learner gave it; kept in NFC
 * @score: whole percent, 0 to 100
 * @date: YYYY-MM-DD
 *
 * Returns: (transfer full): a new record
 */
AkCertificateRecord *
ak_certificate_record_new (const char *course_id,
                           const char *course_version,
                           const char *quiz_id,
                           const char *learner_name,
                           guint       score,
                           const char *date)
{
  AkCertificateRecord *record;

  g_return_val_if_fail (course_id != NULL, NULL);
  g_return_val_if_fail (course_version != NULL, NULL);
  g_return_val_if_fail (quiz_id != NULL, NULL);
  g_return_val_if_fail (learner_name != NULL && g_utf8_validate (learner_name, -1, NULL), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  record = g_new0 (AkCertificateRecord, 1);
  record->course_id = g_strdup (course_id);
  record->course_version = g_strdup (course_version);
  record->quiz_id = g_strdup (quiz_id);
  record->learner_name = g_utf8_normalize (learner_name, -1, G_NORMALIZE_NFC);
  record->score = MIN (score, 100);
  record->date = g_strdup (date);
  return record;
}

/**
 * ak_certificate_score_percent:
 *
 * The score a certificate shows: whole percent of the points, rounded
 * down, so that it never shows more than was reached.
 */
guint
ak_certificate_score_percent (double score,
                              double max_score)
{
  double percent;

  if (!(max_score > 0) || !(score > 0))
    return 0;
  /* The small allowance keeps 7/10 at 70 despite binary fractions. */
  percent = floor (score / max_score * 100.0 + 1e-9);
  return (guint)CLAMP (percent, 0, 100);
}

/**
 * ak_certificate_date_for_time:
 * @time: microseconds since the Unix epoch
 *
 * Returns: (transfer full): the learner's local day of @time, YYYY-MM-DD
 */
char *
ak_certificate_date_for_time (gint64 time)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (time / G_USEC_PER_SEC);

  if (local == NULL)
    return g_strdup ("0000-00-00");
  return g_date_time_format (local, "%Y-%m-%d");
}

/**
 * ak_certificate_format_date:
 * @iso_date: YYYY-MM-DD
 *
 * Returns: (transfer full): the date as the learner's language writes it
 *   (23.11.2026 in German)
 */
char *
ak_certificate_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  int year, month, day;

  if (iso_date == NULL || sscanf (iso_date, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      (date = g_date_time_new (utc, year, month, day, 12, 0, 0)) == NULL)
    return g_strdup (iso_date != NULL ? iso_date : "");
  /* Translators: the date on a certificate, for g_date_time_format();
   * German: "%d.%m.%Y" */
  return g_date_time_format (date, _("%m/%d/%Y"));
}

/**
 * ak_certificate_record_new_for_attempt:
 * @attempt: a finished attempt
 *
 * Returns: (transfer full): the record of @attempt for @learner_name
 */
AkCertificateRecord *
ak_certificate_record_new_for_attempt (const AkProgressAttempt *attempt,
                                       const char              *learner_name)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (attempt != NULL, NULL);
  g_return_val_if_fail (learner_name != NULL, NULL);

  date = ak_certificate_date_for_time (attempt->finished);
  return ak_certificate_record_new (attempt->course_id,
                                    attempt->course_version != NULL ? attempt->course_version : "",
                                    attempt->quiz_id, learner_name,
                                    ak_certificate_score_percent (attempt->score,
                                                                  attempt->max_score),
                                    date);
}

AkCertificateRecord *
ak_certificate_record_copy (const AkCertificateRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);

  return ak_certificate_record_new (record->course_id, record->course_version, record->quiz_id,
                                    record->learner_name, record->score, record->date);
}

void
ak_certificate_record_free (AkCertificateRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->course_id);
  g_free (record->course_version);
  g_free (record->quiz_id);
  g_free (record->learner_name);
  g_free (record->date);
  g_free (record);
}

gboolean
ak_certificate_record_equal (const AkCertificateRecord *a,
                             const AkCertificateRecord *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_str_equal (a->course_id, b->course_id) &&
         g_str_equal (a->course_version, b->course_version) &&
         g_str_equal (a->quiz_id, b->quiz_id) &&
         g_str_equal (a->learner_name, b->learner_name) &&
         a->score == b->score &&
         g_str_equal (a->date, b->date);
}

/* The values in the order of field_keys. */
static void
get_values (const AkCertificateRecord *record,
            char                      *score,
            gsize                      score_size,
            const char                *values[N_FIELDS])
{
  g_snprintf (score, score_size, "%u", record->score);
  values[0] = record->course_id;
  values[1] = record->course_version;
  values[2] = record->quiz_id;
  values[3] = record->learner_name;
  values[4] = score;
  values[5] = record->date;
}

/**
 * ak_certificate_record_compute_hash:
 *
 * Returns: (transfer full): the lowercase hex SHA-256 of the record's
 *   canonical encoding (see the top of this file)
 */
char *
ak_certificate_record_compute_hash (const AkCertificateRecord *record)
{
  g_autoptr(GChecksum) checksum = NULL;
  const char *values[N_FIELDS];
  char score[16];

  g_return_val_if_fail (record != NULL, NULL);

  get_values (record, score, sizeof score, values);
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, (const guchar *)RECORD_MARKER "\n", -1);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *head = g_strdup_printf ("%s:%" G_GSIZE_FORMAT ":", field_keys[i],
                                               strlen (values[i]));

      g_checksum_update (checksum, (const guchar *)head, -1);
      g_checksum_update (checksum, (const guchar *)values[i], strlen (values[i]));
      g_checksum_update (checksum, (const guchar *)"\n", 1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * ak_certificate_record_to_keywords:
 *
 * Returns: (transfer full): the record and its hash as one ASCII line,
 *   for the PDF's keywords
 */
char *
ak_certificate_record_to_keywords (const AkCertificateRecord *record)
{
  g_autoptr(GString) line = g_string_new (RECORD_MARKER);
  g_autofree char *hash = NULL;
  const char *values[N_FIELDS];
  char score[16];

  g_return_val_if_fail (record != NULL, NULL);

  get_values (record, score, sizeof score, values);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *escaped = g_uri_escape_string (values[i], NULL, FALSE);

      g_string_append_printf (line, " %s=%s", field_keys[i], escaped);
    }
  hash = ak_certificate_record_compute_hash (record);
  g_string_append_printf (line, " sha256=%s", hash);
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static gboolean
is_identifier (const char *value)
{
  if (!g_ascii_isalpha (value[0]))
    return FALSE;
  for (const char *p = value; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
is_printable_text (const char *value)
{
  if (!g_utf8_validate (value, -1, NULL))
    return FALSE;
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/**
 * ak_certificate_name_is_valid:
 * @name: (nullable): a learner's name
 *
 * Whether @name can stand on a certificate and be read back from it: not
 * blank, printable text, at most %AK_CERTIFICATE_MAX_FIELD bytes.
 */
gboolean
ak_certificate_name_is_valid (const char *name)
{
  const char *p;

  if (name == NULL || strlen (name) > AK_CERTIFICATE_MAX_FIELD || !is_printable_text (name))
    return FALSE;
  for (p = name; *p != '\0' && g_unichar_isspace (g_utf8_get_char (p)); p = g_utf8_next_char (p))
    ;
  return *p != '\0';
}

static gboolean
parse_score (const char *value,
             guint      *score)
{
  guint64 number;

  if (strlen (value) > 3 || (value[0] == '0' && value[1] != '\0') ||
      !g_ascii_string_to_unsigned (value, 10, 0, 100, &number, NULL))
    return FALSE;
  *score = (guint)number;
  return TRUE;
}

static gboolean
is_date (const char *value)
{
  guint64 year, month, day;

  if (strlen (value) != 10 || value[4] != '-' || value[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (value[i]))
      return FALSE;
  year = g_ascii_strtoull (value, NULL, 10);
  month = g_ascii_strtoull (value + 5, NULL, 10);
  day = g_ascii_strtoull (value + 8, NULL, 10);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
         g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year);
}

static gboolean
is_hash (const char *value)
{
  if (strlen (value) != HASH_LENGTH)
    return FALSE;
  for (const char *p = value; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static gboolean
malformed (GError     **error,
           const char  *key)
{
  /* Translators: %s is a field of a certificate, such as "score" or "date" */
  g_set_error (error, AK_CERTIFICATE_ERROR, AK_CERTIFICATE_ERROR_MALFORMED,
               _("The certificate’s data is damaged (field “%s”)."), key);
  return FALSE;
}

/**
 * ak_certificate_record_from_keywords:
 * @keywords: a line as ak_certificate_record_to_keywords() writes it; from
 *   a file, so anything
 * @hash: (out) (transfer full): the hash the line names
 *
 * Returns: (transfer full) (nullable): the record, or %NULL with @error
 *   set when @keywords is no certificate record or a damaged one
 */
AkCertificateRecord *
ak_certificate_record_from_keywords (const char  *keywords,
                                     char       **hash,
                                     GError     **error)
{
  g_auto(GStrv) tokens = NULL;
  g_autoptr(GPtrArray) values = NULL;
  guint score = 0;
  const char *bad = NULL;

  g_return_val_if_fail (keywords != NULL, NULL);
  g_return_val_if_fail (hash != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_str_has_prefix (keywords, RECORD_MARKER " "))
    {
      g_set_error_literal (error, AK_CERTIFICATE_ERROR, AK_CERTIFICATE_ERROR_NO_RECORD,
                           _("The file holds no Akademie certificate."));
      return NULL;
    }

  tokens = g_strsplit (keywords + strlen (RECORD_MARKER " "), " ", N_FIELDS + 2);
  if (g_strv_length (tokens) != N_FIELDS + 1)
    {
      malformed (error, "sha256");
      return NULL;
    }

  values = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i <= N_FIELDS; i++)
    {
      const char *key = i < N_FIELDS ? field_keys[i] : "sha256";
      gsize key_length = strlen (key);
      const char *raw = NULL;
      char *value = NULL;

      /* Each field once, in the order written; a NUL byte ("%00") is
       * refused by the unescaping. */
      if (strncmp (tokens[i], key, key_length) == 0 && tokens[i][key_length] == '=')
        raw = tokens[i] + key_length + 1;
      if (raw != NULL && strlen (raw) <= 3 * AK_CERTIFICATE_MAX_FIELD)
        value = g_uri_unescape_string (raw, NULL);
      if (value == NULL || value[0] == '\0' || strlen (value) > AK_CERTIFICATE_MAX_FIELD ||
          !is_printable_text (value))
        {
          g_free (value);
          malformed (error, key);
          return NULL;
        }
      g_ptr_array_add (values, value);
    }

  if (!is_identifier (g_ptr_array_index (values, 0)))
    bad = field_keys[0];
  else if (!is_identifier (g_ptr_array_index (values, 2)))
    bad = field_keys[2];
  else if (!parse_score (g_ptr_array_index (values, 4), &score))
    bad = field_keys[4];
  else if (!is_date (g_ptr_array_index (values, 5)))
    bad = field_keys[5];
  else if (!is_hash (g_ptr_array_index (values, N_FIELDS)))
    bad = "sha256";
  if (bad != NULL)
    {
      malformed (error, bad);
      return NULL;
    }

  *hash = g_strdup (g_ptr_array_index (values, N_FIELDS));
  return ak_certificate_record_new (g_ptr_array_index (values, 0),
                                    g_ptr_array_index (values, 1),
                                    g_ptr_array_index (values, 2),
                                    g_ptr_array_index (values, 3), score,
                                    g_ptr_array_index (values, 5));
}
