/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ak-certificate-content.h"
#include "ak-certificate-pdf.h"
#include "ak-certificate-verify.h"
#include "ak-course-library.h"
#include "loader-fixtures.h"

static const char true_false[] =
  "    <true-false id=\"frage2\" tests=\"these\" answer=\"true\">\n"
  "      <prompt>Und das?</prompt>\n"
  "      <explanation>Ja.</explanation>\n"
  "    </true-false>\n";

static AkCertificateRecord *
sample_record (void)
{
  return ak_certificate_record_new ("abschlusstest", "1.3", "abschlusspruefung",
                                    "Anna Müller", 87, "2026-11-23");
}

/* Without certifying, the last quiz is the final exam; the attribute
 * overrides that either way. */
static void
test_certifying (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) two = load_question ("pass-mark=\"50\"", true_false, &diagnostics);
  g_autoptr(AkCourse) none = NULL;
  g_autoptr(AkCourse) first = NULL;
  g_autofree char *first_text = NULL;
  g_autoptr(GString) text = NULL;

  g_assert_nonnull (two);
  g_assert_false (ak_quiz_get_certifying (ak_course_get_quiz (two, 0)));
  g_assert_true (ak_quiz_get_certifying (ak_course_get_quiz (two, 1)));

  g_clear_pointer (&diagnostics, g_ptr_array_unref);
  none = load_question ("pass-mark=\"50\" certifying=\"false\"", true_false, &diagnostics);
  g_assert_nonnull (none);
  g_assert_false (ak_quiz_get_certifying (ak_course_get_quiz (none, 0)));
  g_assert_false (ak_quiz_get_certifying (ak_course_get_quiz (none, 1)));

  g_clear_pointer (&diagnostics, g_ptr_array_unref);
  text = g_string_new (course_head);
  g_string_append (text, course_middle);
  g_string_replace (text, "<quiz id=\"quiz\" pass-mark=\"50\">",
                    "<quiz id=\"quiz\" pass-mark=\"50\" certifying=\"true\">", 1);
  first_text = quiz_with ("pass-mark=\"50\"", true_false);
  g_string_append (text, first_text);
  g_string_append (text, course_tail);
  first = load_text (text->str, -1, &diagnostics);
  g_assert_nonnull (first);
  g_assert_true (ak_quiz_get_certifying (ak_course_get_quiz (first, 0)));
  g_assert_true (ak_quiz_get_certifying (ak_course_get_quiz (first, 1)));

  /* A value the schema does not allow is refused, not guessed. */
  g_clear_pointer (&diagnostics, g_ptr_array_unref);
  g_clear_object (&first);
  first = load_question ("pass-mark=\"50\" certifying=\"ja\"", true_false, &diagnostics);
  g_assert_null (first);
}

/* The documented encoding, written out by hand. */
static void
test_hash_encoding (void)
{
  g_autoptr(AkCertificateRecord) record = sample_record ();
  g_autofree char *hash = ak_certificate_record_compute_hash (record);
  g_autofree char *expected = NULL;
  const char canonical[] =
    "akademie-certificate-1\n"
    "course:13:abschlusstest\n"
    "version:3:1.3\n"
    "quiz:17:abschlusspruefung\n"
    "name:12:Anna Müller\n"
    "score:2:87\n"
    "date:10:2026-11-23\n";

  expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  g_assert_cmpstr (hash, ==, expected);
  g_assert_cmpuint (strlen (hash), ==, 64);
}

/* The same record always gives the same hash, and any change to a field
 * gives another one. */
static void
test_hash_changes (void)
{
  g_autoptr(AkCertificateRecord) record = sample_record ();
  g_autofree char *hash = ak_certificate_record_compute_hash (record);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(AkCertificateRecord) decomposed = NULL;
  AkCertificateRecord *variants[] = {
    ak_certificate_record_new ("abschlusstesx", "1.3", "abschlusspruefung", "Anna Müller", 87, "2026-11-23"),
    ak_certificate_record_new ("abschlusstest", "1.4", "abschlusspruefung", "Anna Müller", 87, "2026-11-23"),
    ak_certificate_record_new ("abschlusstest", "1.3", "quiz-konzept", "Anna Müller", 87, "2026-11-23"),
    ak_certificate_record_new ("abschlusstest", "1.3", "abschlusspruefung", "Anna Mueller", 87, "2026-11-23"),
    ak_certificate_record_new ("abschlusstest", "1.3", "abschlusspruefung", "Anna Müller", 88, "2026-11-23"),
    ak_certificate_record_new ("abschlusstest", "1.3", "abschlusspruefung", "Anna Müller", 87, "2026-11-24"),
    /* Moving a character from one field to the next. */
    ak_certificate_record_new ("abschlusstest", "1.3", "abschlusspruefung", "Anna Müller8", 7, "2026-11-23"),
  };
  g_autoptr(AkCertificateRecord) again = sample_record ();
  g_autofree char *hash_again = ak_certificate_record_compute_hash (again);

  g_assert_cmpstr (hash, ==, hash_again);
  g_hash_table_add (seen, g_strdup (hash));
  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      char *other = ak_certificate_record_compute_hash (variants[i]);

      g_assert_true (g_hash_table_add (seen, other));
      ak_certificate_record_free (variants[i]);
    }

  /* The name is hashed in NFC: "u" + combining diaeresis is the same name. */
  decomposed = ak_certificate_record_new ("abschlusstest", "1.3", "abschlusspruefung",
                                          "Anna Mu\xcc\x88ller", 87, "2026-11-23");
  g_free (hash_again);
  hash_again = ak_certificate_record_compute_hash (decomposed);
  g_assert_cmpstr (hash, ==, hash_again);
}

static void
test_keywords_round_trip (void)
{
  g_autoptr(AkCertificateRecord) record =
    ak_certificate_record_new ("kurs", "2.0 beta", "quiz", "Zoë O'Brien (Köln); a=b %x", 100,
                               "2026-02-28");
  g_autofree char *keywords = ak_certificate_record_to_keywords (record);
  g_autofree char *hash = NULL;
  g_autofree char *expected = ak_certificate_record_compute_hash (record);
  g_autoptr(AkCertificateRecord) back = NULL;
  g_autoptr(GError) error = NULL;

  /* Plain ASCII without PDF string delimiters. */
  for (const char *p = keywords; *p != '\0'; p++)
    g_assert_true (*p >= 0x20 && *p < 0x7f && *p != '(' && *p != ')' && *p != '\\');
  g_assert_true (g_str_has_prefix (keywords, "akademie-certificate-1 course=kurs "));

  back = ak_certificate_record_from_keywords (keywords, &hash, &error);
  g_assert_no_error (error);
  g_assert_true (ak_certificate_record_equal (record, back));
  g_assert_cmpstr (hash, ==, expected);
}

static void
test_keywords_malformed (void)
{
  g_autoptr(AkCertificateRecord) record = sample_record ();
  g_autofree char *good = ak_certificate_record_to_keywords (record);
  const char *const replacements[][2] = {
    { "score=87", "score=101" },
    { "score=87", "score=087" },
    { "score=87", "score=-1" },
    { "date=2026-11-23", "date=2026-02-30" },
    { "date=2026-11-23", "date=23.11.2026" },
    { "name=Anna", "name=%00Anna" },
    { "name=Anna", "name=%0AAnna" },
    { "name=Anna", "name=%FFAnna" },
    { "course=abschlusstest", "course=%2Fetc" },
    { "course=abschlusstest", "kurs=abschlusstest" },
    { " version=1.3", "" },
    { "sha256=", "sha256=XX" },
    { "sha256=", "sha256=" "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef x=" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (replacements); i++)
    {
      g_autoptr(GString) bad = g_string_new (good);
      g_autoptr(AkCertificateRecord) back = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *hash = NULL;

      g_assert_cmpuint (g_string_replace (bad, replacements[i][0], replacements[i][1], 1), ==, 1);
      back = ak_certificate_record_from_keywords (bad->str, &hash, &error);
      g_test_message ("%s → %s", bad->str, error != NULL ? error->message : "accepted");
      g_assert_null (back);
      g_assert_error (error, AK_CERTIFICATE_ERROR, AK_CERTIFICATE_ERROR_MALFORMED);
    }
}

static AkCertificateRecord *
read_pdf (const char  *pdf,
          gsize        length,
          GError     **error)
{
  g_autofree char *hash = NULL;

  return ak_certificate_pdf_read_data ((const guint8 *)pdf, length, &hash, error);
}

/* Strings as PDF writers write them: literal with escapes and a line
 * continuation, or hex in UTF-16BE. */
static void
test_pdf_strings (void)
{
  g_autoptr(AkCertificateRecord) record = sample_record ();
  g_autofree char *keywords = ak_certificate_record_to_keywords (record);
  g_autofree char *split = g_strdup (keywords);
  g_autofree char *literal = NULL;
  g_autoptr(GString) hex = g_string_new ("%PDF-1.7\n1 0 obj\n<< /Keywords <FEFF");
  g_autoptr(AkCertificateRecord) back = NULL;
  g_autoptr(GError) error = NULL;
  char *space = strchr (split, ' ');

  /* "\\\n" continues a line; "\\040" is a space in octal. */
  *space = '\0';
  literal = g_strdup_printf ("%%PDF-1.4\n%%\xe2\xe3\n1 0 obj\n<< /Title (A \\(nested\\) title)"
                             " /Keywords   (%s\\040\\\n%s) >>\nendobj\n",
                             split, space + 1);
  back = read_pdf (literal, strlen (literal), &error);
  g_assert_no_error (error);
  g_assert_true (ak_certificate_record_equal (record, back));
  g_clear_pointer (&back, ak_certificate_record_free);

  for (const char *p = keywords; *p != '\0'; p++)
    g_string_append_printf (hex, "00%02X", (guint)*p);
  g_string_append (hex, "> >>\nendobj\n");
  back = read_pdf (hex->str, hex->len, &error);
  g_assert_no_error (error);
  g_assert_true (ak_certificate_record_equal (record, back));
}

static void
test_pdf_hostile (void)
{
  g_autoptr(AkCertificateRecord) record = sample_record ();
  g_autoptr(AkCertificateRecord) other = ak_certificate_record_new ("abschlusstest", "1.3",
                                                                     "abschlusspruefung",
                                                                     "Eve", 100, "2026-11-23");
  g_autofree char *keywords = ak_certificate_record_to_keywords (record);
  g_autofree char *other_keywords = ak_certificate_record_to_keywords (other);
  g_autofree char *twice = NULL;
  g_autofree char *same_twice = NULL;
  g_autofree char *unterminated = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *filler = g_strnfill (20000, 'x');
  g_autofree char *many = NULL;
  g_autoptr(GString) nested = g_string_new ("%PDF-1.4\n/Keywords ");
  g_autoptr(AkCertificateRecord) back = NULL;
  g_autoptr(GError) error = NULL;
  const char no_pdf[] = "<html>/Keywords (akademie-certificate-1)</html>";
  const char no_record[] = "%PDF-1.4\n/Keywords ()/Keywords <>/Keywords (Social Media, Kurs)\n"
                           "/Keywords";

  back = read_pdf (no_pdf, strlen (no_pdf), &error);
  g_assert_error (error, AK_CERTIFICATE_ERROR, AK_CERTIFICATE_ERROR_UNREADABLE);
  g_clear_error (&error);
  back = read_pdf ("", 0, &error);
  g_assert_error (error, AK_CERTIFICATE_ERROR, AK_CERTIFICATE_ERROR_UNREADABLE);
  g_clear_error (&error);

  back = read_pdf (no_record, strlen (no_record), &error);
  g_assert_error (error, AK_CERTIFICATE_ERROR, AK_CERTIFICATE_ERROR_NO_RECORD);
  g_clear_error (&error);

  /* A second record appended (an incremental update) is not quietly taken. */
  twice = g_strdup_printf ("%%PDF-1.4\n<< /Keywords (%s) >>\n<< /Keywords (%s) >>\n",
                           keywords, other_keywords);
  back = read_pdf (twice, strlen (twice), &error);
  g_assert_error (error, AK_CERTIFICATE_ERROR, AK_CERTIFICATE_ERROR_MALFORMED);
  g_clear_error (&error);
  same_twice = g_strdup_printf ("%%PDF-1.4\n<< /Keywords (%s) >>\n<< /Keywords (%s) >>\n",
                                keywords, keywords);
  back = read_pdf (same_twice, strlen (same_twice), &error);
  g_assert_no_error (error);
  g_clear_pointer (&back, ak_certificate_record_free);

  /* Cut off inside the string. */
  unterminated = g_strdup_printf ("%%PDF-1.4\n<< /Keywords (%s", keywords);
  unterminated[strlen (unterminated) - 10] = '\0';
  back = read_pdf (unterminated, strlen (unterminated), &error);
  g_assert_error (error, AK_CERTIFICATE_ERROR, AK_CERTIFICATE_ERROR_NO_RECORD);
  g_clear_error (&error);

  /* Deep nesting and an endless string end at the string limit. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (nested, '(');
  back = read_pdf (nested->str, nested->len, &error);
  g_assert_error (error, AK_CERTIFICATE_ERROR, AK_CERTIFICATE_ERROR_NO_RECORD);
  g_clear_error (&error);
  huge = g_strdup_printf ("%%PDF-1.4\n/Keywords (%s%s)", "akademie-certificate-1 ",
                          filler);
  back = read_pdf (huge, strlen (huge), &error);
  g_assert_error (error, AK_CERTIFICATE_ERROR, AK_CERTIFICATE_ERROR_NO_RECORD);
  g_clear_error (&error);

  /* Only so many keyword entries are looked at. */
  {
    g_autoptr(GString) text = g_string_new ("%PDF-1.4\n");

    for (guint i = 0; i < 1000; i++)
      g_string_append (text, "/Keywords (x) ");
    g_string_append_printf (text, "/Keywords (%s)", keywords);
    many = g_string_free (g_steal_pointer (&text), FALSE);
  }
  back = read_pdf (many, strlen (many), &error);
  g_assert_error (error, AK_CERTIFICATE_ERROR, AK_CERTIFICATE_ERROR_NO_RECORD);
  g_clear_error (&error);
}

static GBytes *
deflate (const char *text,
         gsize       length)
{
  g_autoptr(GConverter) deflater = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9));
  g_autoptr(GInputStream) plain = g_memory_input_stream_new_from_data (text, length, NULL);
  g_autoptr(GInputStream) in = g_converter_input_stream_new (plain, deflater);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

/* A PDF 1.5 with @objects in a compressed object stream, after @before. */
static GByteArray *
object_stream_pdf (const char *before,
                   const char *objects,
                   gsize       length)
{
  g_autoptr(GBytes) compressed = deflate (objects, length);
  GByteArray *pdf = g_byte_array_new ();
  g_autofree char *head = g_strdup_printf ("%%PDF-1.5\n%s5 0 obj\n<< /Type /ObjStm /N 1 /First 4 "
                                           "/Filter /FlateDecode /Length %" G_GSIZE_FORMAT
                                           " >>\nstream\r\n",
                                           before, g_bytes_get_size (compressed));

  g_byte_array_append (pdf, (const guint8 *)head, strlen (head));
  g_byte_array_append (pdf, g_bytes_get_data (compressed, NULL), g_bytes_get_size (compressed));
  g_byte_array_append (pdf, (const guint8 *)"\nendstream\nendobj\n", 19);
  return pdf;
}

/* A program that saved the file again may have compressed the keywords. */
static void
test_pdf_object_streams (void)
{
  g_autoptr(AkCertificateRecord) record = sample_record ();
  g_autoptr(AkCertificateRecord) other = ak_certificate_record_new ("abschlusstest", "1.3",
                                                                     "abschlusspruefung",
                                                                     "Eve", 100, "2026-11-23");
  g_autofree char *keywords = ak_certificate_record_to_keywords (record);
  g_autofree char *other_keywords = ak_certificate_record_to_keywords (other);
  g_autofree char *objects = g_strdup_printf ("7 0 << /Title (T) /Keywords (%s) >>", keywords);
  g_autofree char *before = g_strdup_printf ("1 0 obj\n<< /Keywords (%s) >>\nendobj\n",
                                             other_keywords);
  g_autofree char *zeros = g_malloc0 (64 * 1024 * 1024);
  g_autoptr(GByteArray) pdf = object_stream_pdf ("", objects, strlen (objects));
  g_autoptr(GByteArray) conflict = object_stream_pdf (before, objects, strlen (objects));
  g_autoptr(GByteArray) bomb = NULL;
  g_autoptr(AkCertificateRecord) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;

  back = ak_certificate_pdf_read_data (pdf->data, pdf->len, &hash, &error);
  g_assert_no_error (error);
  g_assert_true (ak_certificate_record_equal (record, back));
  g_clear_pointer (&back, ak_certificate_record_free);
  g_clear_pointer (&hash, g_free);

  back = ak_certificate_pdf_read_data (conflict->data, conflict->len, &hash, &error);
  g_assert_error (error, AK_CERTIFICATE_ERROR, AK_CERTIFICATE_ERROR_MALFORMED);
  g_clear_error (&error);

  /* 64 MiB of zeros before the record: inflated only up to the limit. */
  memcpy (zeros + 64 * 1024 * 1024 - strlen (objects) - 1, objects, strlen (objects));
  bomb = object_stream_pdf ("", zeros, 64 * 1024 * 1024);
  g_assert_cmpuint (bomb->len, <, AK_CERTIFICATE_MAX_PDF_SIZE);
  back = ak_certificate_pdf_read_data (bomb->data, bomb->len, &hash, &error);
  g_assert_error (error, AK_CERTIFICATE_ERROR, AK_CERTIFICATE_ERROR_NO_RECORD);
  g_clear_error (&error);

  /* Truncated inside the stream: what inflates is still read. */
  g_byte_array_set_size (pdf, pdf->len - 30);
  back = ak_certificate_pdf_read_data (pdf->data, pdf->len, &hash, &error);
  g_assert_error (error, AK_CERTIFICATE_ERROR, AK_CERTIFICATE_ERROR_NO_RECORD);
}

static void
test_pdf_file_limits (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "big.pdf", NULL);
  g_autofree char *big = g_malloc0 (AK_CERTIFICATE_MAX_PDF_SIZE + 1);
  g_autoptr(AkCertificateRecord) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  memcpy (big, "%PDF-1.4\n", 9);
  g_assert_true (g_file_set_contents (path, big, AK_CERTIFICATE_MAX_PDF_SIZE + 1, NULL));
  back = ak_certificate_pdf_read (path, &hash, &error);
  g_assert_error (error, AK_CERTIFICATE_ERROR, AK_CERTIFICATE_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "MiB"));
  g_clear_error (&error);

  back = ak_certificate_pdf_read ("/nonexistent/zertifikat.pdf", &hash, &error);
  g_assert_error (error, AK_CERTIFICATE_ERROR, AK_CERTIFICATE_ERROR_UNREADABLE);
}

typedef struct
{
  AkProgressStore *store;
  AkCourse        *course;
  gint64           passed;
  gint64           failed;
} Fixture;

static gint64
finish_attempt (Fixture  *fixture,
                double    score,
                gboolean  passed)
{
  g_autoptr(GError) error = NULL;
  const AkQuiz *quiz = ak_course_get_quiz (fixture->course, 1);
  gint64 id;

  id = ak_progress_store_start_attempt (fixture->store, ak_course_get_id (fixture->course),
                                        ak_quiz_get_id (quiz),
                                        ak_course_get_version (fixture->course),
                                        ak_quiz_get_hash (quiz), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ak_progress_store_finish_attempt (fixture->store, id, score, 10, passed, &error));
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "progress.db", NULL);

  fixture->course = load_question ("pass-mark=\"50\"", true_false, &diagnostics);
  g_assert_nonnull (fixture->course);
  fixture->store = ak_progress_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (ak_progress_store_set_display_name (fixture->store, "Anna Müller", &error));
  fixture->failed = finish_attempt (fixture, 3, FALSE);
  fixture->passed = finish_attempt (fixture, 8.7, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->course);
}

static AkCertificateRecord *
record_for (Fixture *fixture,
            gint64   attempt_id)
{
  g_autoptr(AkProgressAttempt) attempt = NULL;
  g_autoptr(GError) error = NULL;

  attempt = ak_certificate_find_attempt (fixture->store, fixture->course, "quiz2", attempt_id,
                                         &error);
  g_assert_no_error (error);
  g_assert_nonnull (attempt);
  return ak_certificate_record_new_for_attempt (attempt, "Anna Müller");
}

static AkCertificateCheck
check (Fixture                   *fixture,
       const AkCertificateRecord *record,
       const char                *hash,
       const char *const         *names)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *own_hash = ak_certificate_record_compute_hash (record);
  AkCertificateCheck result = AK_CERTIFICATE_VALID;

  g_assert_true (ak_certificate_verify (fixture->store, record, hash != NULL ? hash : own_hash,
                                        names, &result, &error));
  g_assert_no_error (error);
  return result;
}

static void
test_verify (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(AkCertificateRecord) record = record_for (fixture, fixture->passed);
  g_autofree char *hash = ak_certificate_record_compute_hash (record);
  g_autoptr(AkCertificateRecord) changed = ak_certificate_record_copy (record);
  g_autoptr(GError) error = NULL;
  g_autoptr(AkProgressAttempt) failed = NULL;
  g_autofree char *today = ak_certificate_date_for_time (g_get_real_time ());
  const char *const settings_names[] = { "Anna Maria Müller", NULL };

  g_assert_cmpuint (record->score, ==, 87);
  g_assert_cmpstr (record->date, ==, today);
  g_assert_cmpint (check (fixture, record, NULL, NULL), ==, AK_CERTIFICATE_VALID);

  /* A field changed, the hash left as it was. */
  changed->score = 97;
  g_assert_cmpint (check (fixture, changed, hash, NULL), ==, AK_CERTIFICATE_CHANGED);

  /* Changed with a fitting hash: the store does not know that result. */
  g_assert_cmpint (check (fixture, changed, NULL, NULL), ==, AK_CERTIFICATE_NO_ATTEMPT);
  changed->score = record->score;
  g_free (changed->date);
  changed->date = g_strdup ("2020-01-01");
  g_assert_cmpint (check (fixture, changed, NULL, NULL), ==, AK_CERTIFICATE_NO_ATTEMPT);
  g_free (changed->date);
  changed->date = g_strdup (record->date);
  g_free (changed->course_version);
  changed->course_version = g_strdup ("0.9");
  g_assert_cmpint (check (fixture, changed, NULL, NULL), ==, AK_CERTIFICATE_NO_ATTEMPT);

  /* Another name: only if the settings know the learner by it. */
  g_free (changed->course_version);
  changed->course_version = g_strdup (record->course_version);
  g_free (changed->learner_name);
  changed->learner_name = g_strdup ("Anna Maria Müller");
  g_assert_cmpint (check (fixture, changed, NULL, NULL), ==, AK_CERTIFICATE_OTHER_LEARNER);
  g_assert_cmpint (check (fixture, changed, NULL, settings_names), ==, AK_CERTIFICATE_VALID);

  /* A failed attempt earns no certificate, and its score proves nothing. */
  failed = ak_certificate_find_attempt (fixture->store, fixture->course, "quiz2",
                                        fixture->failed, &error);
  g_assert_no_error (error);
  g_assert_null (failed);
  changed->score = 30;
  g_free (changed->learner_name);
  changed->learner_name = g_strdup (record->learner_name);
  g_assert_cmpint (check (fixture, changed, NULL, NULL), ==, AK_CERTIFICATE_NO_ATTEMPT);

  /* The first quiz does not certify. */
  failed = ak_certificate_find_attempt (fixture->store, fixture->course, "quiz",
                                        fixture->passed, &error);
  g_assert_no_error (error);
  g_assert_null (failed);
}

static void
test_content (void)
{
  g_autofree char *root = g_strdup (g_getenv ("AK_SOURCE_ROOT"));
  g_autofree char *courses = NULL;
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  g_autoptr(AkCertificateRecord) record = sample_record ();
  g_autoptr(AkCertificateContent) content = NULL;
  AkCourse *course;
  guint n;

  if (root == NULL)
    {
      g_test_skip ("AK_SOURCE_ROOT is not set");
      return;
    }
  courses = g_build_filename (root, "courses", NULL);
  ak_course_library_add_directory (library, courses);
  ak_course_library_reload (library);
  course = ak_course_library_lookup (library, "abschlusstest");
  g_assert_nonnull (course);

  content = ak_certificate_content_new (course, "abschlusspruefung", record, library);
  g_assert_cmpstr (content->quiz_title, ==, "Abschlussprüfung");
  n = g_strv_length (content->theses);
  /* The final exam tests theses of all five courses, each named once. */
  g_assert_cmpuint (n, >, 20);
  g_assert_true (g_strv_contains ((const char *const *)content->theses,
                                  "Signal aus der Agentur"));
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      g_assert_cmpstr (content->theses[i], !=, content->theses[j]);
}

static void
test_name_valid (void)
{
  g_autofree char *long_name = g_strnfill (AK_CERTIFICATE_MAX_FIELD + 1, 'a');

  g_assert_true (ak_certificate_name_is_valid ("Anna Müller"));
  g_assert_true (ak_certificate_name_is_valid ("李小龍"));
  g_assert_false (ak_certificate_name_is_valid (NULL));
  g_assert_false (ak_certificate_name_is_valid (""));
  g_assert_false (ak_certificate_name_is_valid (" \t\xe2\x80\x83"));
  g_assert_false (ak_certificate_name_is_valid ("Anna\nMüller"));
  g_assert_false (ak_certificate_name_is_valid ("Anna \xff"));
  g_assert_false (ak_certificate_name_is_valid (long_name));
  long_name[AK_CERTIFICATE_MAX_FIELD] = '\0';
  g_assert_true (ak_certificate_name_is_valid (long_name));
}

static void
test_thesis_label (void)
{
  g_autofree char *lead = ak_certificate_thesis_label ("<b>Kurz:</b> Lang und breit.",
                                                       "Kurz: Lang und breit.");
  g_autofree char *plain = ak_certificate_thesis_label ("Ein Satz: mit Doppelpunkt.",
                                                        "Ein Satz: mit Doppelpunkt.");

  g_assert_cmpstr (lead, ==, "Kurz");
  g_assert_cmpstr (plain, ==, "Ein Satz: mit Doppelpunkt.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/certificate/certifying", test_certifying);
  g_test_add_func ("/certificate/hash/encoding", test_hash_encoding);
  g_test_add_func ("/certificate/hash/changes", test_hash_changes);
  g_test_add_func ("/certificate/keywords/round-trip", test_keywords_round_trip);
  g_test_add_func ("/certificate/keywords/malformed", test_keywords_malformed);
  g_test_add_func ("/certificate/pdf/strings", test_pdf_strings);
  g_test_add_func ("/certificate/pdf/hostile", test_pdf_hostile);
  g_test_add_func ("/certificate/pdf/object-streams", test_pdf_object_streams);
  g_test_add_func ("/certificate/pdf/file-limits", test_pdf_file_limits);
  g_test_add ("/certificate/verify", Fixture, NULL, fixture_set_up, test_verify,
              fixture_tear_down);
  g_test_add_func ("/certificate/content", test_content);
  g_test_add_func ("/certificate/thesis-label", test_thesis_label);
  g_test_add_func ("/certificate/name-valid", test_name_valid);

  return g_test_run ();
}
