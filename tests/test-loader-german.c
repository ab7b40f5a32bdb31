/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>

#include "ak-xml-compat.h"

#include "loader-fixtures.h"

/*
 * A trainer who reads German must not meet libxml2's English: every
 * message about a broken file is in the trainer's language.
 */

#define COURSE "<course xmlns=\"" NS "\""

static const char * const broken_files[] = {
  COURSE " xmlns:p=\"\"><p:x/></course>",
  COURSE "><a:b:c/></course>",
  COURSE " a:b:c=\"1\"/>",
  COURSE "><:p/></course>",
  COURSE " :a=\"1\"/>",
  COURSE " xmlns:=\"urn:x\"/>",
  COURSE " xmlns:a=\"urn:u\" xmlns:b=\"urn:u\" a:x=\"1\" b:x=\"2\"/>",
  COURSE " xmlns:xml=\"urn:other\"/>",
  COURSE " xmlns:xmlns=\"urn:other\"/>",
  COURSE " xmlns:p=\"http://www.w3.org/2000/xmlns/\"/>",
  COURSE " p:id=\"x\"/>",
  "<?xml version=\"1.0\" standalone=\"maybe\"?>" COURSE "/>",
  "<?xml version=\"2.0\"?>" COURSE "/>",
  "<?xml encoding=\"UTF-8\"?>" COURSE "/>",
  "<!DOCTYPE x PUBLIC>" COURSE "/>",
  "<!DOCTYPE>" COURSE "/>",
  COURSE "><!ELEMENT x></course>",
  "&#65;" COURSE "/>",
  COURSE "/>&#65;",
  COURSE ">&#6",
  COURSE ">&#;</course>",
  COURSE ">&#99999999999;</course>",
  COURSE "><? x?></course>",
  COURSE "><?a:b x?></course>",
  COURSE "></course x>",
  COURSE "></></course>",
  COURSE "/><course/>",
  COURSE "><!-- a ---></course>",
  COURSE " a=1/>",
  COURSE "><1p/></course>",
  COURSE " a=\"&x;\"/>",
  COURSE " a=\"<\"/>",
  COURSE ">\x01</course>",
  COURSE "><p></ p></course>",
  "<?xml version=\"1.0\" " COURSE "/>",
  " <?xml version=\"1.0\"?>" COURSE "/>",
  COURSE " <x/>",
  COURSE "/",
  "<cour",
  "x",
  "   ",
  "<!-- nur ein Kommentar -->",
};

static void
collect_cb (void       *user_data,
            AkXmlError *error)
{
  GPtrArray *messages = user_data;
  char *message = g_strstrip (g_strdup (error->message != NULL ? error->message : ""));

  if (*message != '\0')
    g_ptr_array_add (messages, message);
  else
    g_free (message);
}

/* What libxml2 itself says about @text, in English. */
static GPtrArray *
libxml2_messages (const char *text)
{
  GPtrArray *messages = g_ptr_array_new_with_free_func (g_free);

  xmlSetStructuredErrorFunc (messages, collect_cb);
  xmlFreeDoc (xmlReadMemory (text, strlen (text), "x.xml", NULL,
                             XML_PARSE_NONET | XML_PARSE_RECOVER));
  xmlSetStructuredErrorFunc (NULL, NULL);
  return messages;
}

static const char *mo_file;

static void
test_german_no_libxml2_text (void)
{
  if (!g_file_test (mo_file, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("The German translation is not built");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (broken_files); i++)
    {
      g_autoptr(GPtrArray) diagnostics = ak_diagnostic_list_new ();
      g_autoptr(GPtrArray) english = libxml2_messages (broken_files[i]);
      g_autoptr(AkCourse) course = NULL;

      course = ak_course_loader_load_data (broken_files[i], strlen (broken_files[i]),
                                           "kurs.xml", diagnostics);
      g_assert_null (course);
      g_assert_cmpuint (english->len, >, 0);
      for (guint j = 0; j < diagnostics->len; j++)
        {
          const char *message = ((AkDiagnostic *)g_ptr_array_index (diagnostics, j))->message;

          g_test_message ("%s → %s", broken_files[i], message);
          for (guint k = 0; k < english->len; k++)
            g_assert_null (strstr (message, g_ptr_array_index (english, k)));
          /* Translated, not left in the source language. */
          g_assert_null (strstr (message, " is "));
          g_assert_null (strstr (message, " the "));
          /* libxml2's name for a name it could not read. */
          g_assert_null (strstr (message, "unparsable"));
        }
    }
}

int
main (int argc, char *argv[])
{
  g_autofree char *mo = g_build_filename (g_getenv ("AK_BUILD_ROOT"), "po", "de", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *localedir = g_build_filename (g_getenv ("AK_BUILD_ROOT"), "po", NULL);

  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  mo_file = mo;
  g_test_add_func ("/loader/german/no-libxml2-text", test_german_no_libxml2_text);

  return g_test_run ();
}
