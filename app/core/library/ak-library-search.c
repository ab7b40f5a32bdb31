/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <string.h>

#include "ak-course.h"
#include "ak-course-parts.h"
#include "ak-library-search.h"

/* A snippet shows this many characters of text around the first match. */
#define SNIPPET_BEFORE 30
#define SNIPPET_CHARS  120

struct _AkSearchHit
{
  GObject   parent_instance;

  char     *course_id;
  char     *lesson_id;
  char     *section_id;
  char     *title;
  char     *snippet;
  char     *course_title;
  char     *lesson_title;
  gboolean  title_match;
};

G_DEFINE_FINAL_TYPE (AkSearchHit, ak_search_hit, G_TYPE_OBJECT)

/* One thing that can be found: the course (lesson and section NULL), a
 * lesson (section NULL) or a section. Only folded text is kept; the
 * original is read from the course again for the few hits shown. */
typedef struct
{
  const AkLesson  *lesson;
  const AkSection *section;
  char            *title;
  char            *text;
} Entry;

typedef struct
{
  AkCourse *course;
  GArray   *entries;     /* Entry */
  guint     generation;  /* of the last query that saw the course */
} CourseIndex;

/* A match before it becomes a hit: sorted by rank, then by place. */
typedef struct
{
  CourseIndex *index;
  guint        entry;
  guint        order;
  guint        rank;
  gboolean     title_match;
} Match;

struct _AkLibrarySearch
{
  GObject     parent_instance;

  GListModel *courses;
  GHashTable *indexes;     /* AkCourse → CourseIndex */
  guint       generation;
};

G_DEFINE_FINAL_TYPE (AkLibrarySearch, ak_library_search, G_TYPE_OBJECT)

static void
ak_search_hit_finalize (GObject *object)
{
  AkSearchHit *self = (AkSearchHit *)object;

  g_free (self->course_id);
  g_free (self->lesson_id);
  g_free (self->section_id);
  g_free (self->title);
  g_free (self->snippet);
  g_free (self->course_title);
  g_free (self->lesson_title);

  G_OBJECT_CLASS (ak_search_hit_parent_class)->finalize (object);
}

static void
ak_search_hit_class_init (AkSearchHitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ak_search_hit_finalize;
}

static void
ak_search_hit_init (AkSearchHit *self)
{
}

static gboolean
is_drop_e_base (char c)
{
  return c == 'a' || c == 'o' || c == 'u';
}

/* Appends one folded character; "ae", "oe" and "ue" become "a", "o" and
 * "u", the way "ä", "ö" and "ü" fold, so that both spellings meet. Runs of
 * anything that is not a letter or digit become one space. */
static void
append_folded (GString  *out,
               GArray   *offsets,
               gunichar  c,
               guint     source,
               gboolean *may_drop_e)
{
  char buf[8];
  int len;

  if (c < 0x80 ? !g_ascii_isalnum (c) : !g_unichar_isalnum (c))
    {
      *may_drop_e = FALSE;
      if (out->len == 0 || out->str[out->len - 1] == ' ')
        return;
      c = ' ';
    }
  else if (c == 'e' && *may_drop_e)
    {
      *may_drop_e = FALSE;
      return;
    }

  len = g_unichar_to_utf8 (c, buf);
  g_string_append_len (out, buf, len);
  for (int i = 0; offsets != NULL && i < len; i++)
    g_array_append_val (offsets, source);
  *may_drop_e = c < 0x80 && is_drop_e_base ((char)c);
}

/**
 * ak_library_search_fold:
 * @text: UTF-8 text
 * @offsets: (nullable): an array of guint that receives, for every byte of
 *   the result, the byte offset in @text of the character it came from
 *
 * Folds @text the way the search compares it: compatibility decomposition
 * (as g_utf8_normalize() with %G_NORMALIZE_NFKD) without the accents, case
 * folded (so "ß" is "ss"), German umlaut spellings joined and punctuation
 * turned into single spaces.
 *
 * Returns: (transfer full): the folded text
 */
char *
ak_library_search_fold (const char *text,
                        GArray     *offsets)
{
  GString *out;
  gboolean may_drop_e = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      guint source = p - text;
      gunichar c = g_utf8_get_char (p);
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n;

      /* Most text is ASCII: no tables needed. */
      if (c < 0x80)
        {
          append_folded (out, offsets, g_ascii_tolower (c), source, &may_drop_e);
          continue;
        }

      n = g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed));
      for (gsize i = 0; i < n; i++)
        {
          char utf8[8];
          g_autofree char *folded = NULL;

          if (g_unichar_ismark (decomposed[i]))
            continue;
          utf8[g_unichar_to_utf8 (decomposed[i], utf8)] = '\0';
          folded = g_utf8_casefold (utf8, -1);
          for (const char *f = folded; *f != '\0'; f = g_utf8_next_char (f))
            append_folded (out, offsets, g_utf8_get_char (f), source, &may_drop_e);
        }
      /* "ä" is "a", and an "e" after it is not a spelt-out umlaut. */
      may_drop_e = FALSE;
    }

  if (offsets != NULL)
    {
      guint end = strlen (text);

      g_array_append_val (offsets, end);
    }
  return g_string_free (out, FALSE);
}

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->title);
  g_free (entry->text);
}

static void
course_index_free (gpointer data)
{
  CourseIndex *index = data;

  g_array_unref (index->entries);
  g_object_unref (index->course);
  g_free (index);
}

static void
append_section_text (GString         *text,
                     const AkSection *section)
{
  for (guint i = 0; i < ak_section_get_n_blocks (section); i++)
    {
      const AkBlock *block = ak_section_get_block (section, i);
      const char *parts[] = {
        ak_block_get_text (block),
        ak_block_get_block_type (block) == AK_BLOCK_FIGURE ? ak_block_get_alt (block) : NULL,
      };

      for (guint j = 0; j < G_N_ELEMENTS (parts); j++)
        {
          if (parts[j] == NULL || *parts[j] == '\0')
            continue;
          if (text->len > 0)
            g_string_append_c (text, ' ');
          g_string_append (text, parts[j]);
        }
    }
}

/* The text of an entry besides its title, as the learner reads it: the
 * summary of a course, the sections of a lesson by title, the words of a
 * section. */
static char *
dup_entry_text (AkCourse    *course,
                const Entry *entry)
{
  GString *text = g_string_new (NULL);

  if (entry->section != NULL)
    append_section_text (text, entry->section);
  else if (entry->lesson != NULL)
    for (guint i = 0; i < ak_lesson_get_n_sections (entry->lesson); i++)
      {
        const char *title = ak_section_get_title (ak_lesson_get_section (entry->lesson, i));

        if (title == NULL || *title == '\0')
          continue;
        if (text->len > 0)
          /* Between the titles of sections in a snippet. */
          g_string_append (text, " · ");
        g_string_append (text, title);
      }
  else if (ak_course_get_summary_text (course) != NULL)
    g_string_append (text, ak_course_get_summary_text (course));
  return g_string_free (text, FALSE);
}

static const char *
get_entry_title (AkCourse    *course,
                 const Entry *entry)
{
  const char *title;

  if (entry->section != NULL)
    title = ak_section_get_title (entry->section);
  else if (entry->lesson != NULL)
    title = ak_lesson_get_title (entry->lesson);
  else
    title = ak_course_get_title (course);
  return title != NULL ? title : "";
}

static void
add_entry (CourseIndex     *index,
           const AkLesson  *lesson,
           const AkSection *section)
{
  Entry entry = { lesson, section, NULL, NULL };
  g_autofree char *text = NULL;

  entry.title = ak_library_search_fold (get_entry_title (index->course, &entry), NULL);
  /* A lesson is found by its own title; its sections by theirs. */
  if (lesson == NULL || section != NULL)
    {
      text = dup_entry_text (index->course, &entry);
      entry.text = ak_library_search_fold (text, NULL);
    }
  g_array_append_val (index->entries, entry);
}

static CourseIndex *
course_index_new (AkCourse *course)
{
  CourseIndex *index = g_new0 (CourseIndex, 1);

  index->course = g_object_ref (course);
  index->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (index->entries, entry_clear);

  add_entry (index, NULL, NULL);
  for (guint i = 0; i < ak_course_get_n_lessons (course); i++)
    {
      const AkLesson *lesson = ak_course_get_lesson (course, i);

      add_entry (index, lesson, NULL);
      for (guint j = 0; j < ak_lesson_get_n_sections (lesson); j++)
        add_entry (index, lesson, ak_lesson_get_section (lesson, j));
    }
  return index;
}

static gboolean
starts_word (const char *text,
             const char *at)
{
  return at == text || at[-1] == ' ';
}

/* Lower is better: every word in the title first, and among those the
 * ones where the query starts a word; courses before lessons before
 * sections. FALSE: not every word occurs. */
static gboolean
rank_entry (const Entry  *entry,
            char        **words,
            guint        *rank,
            gboolean     *title_match)
{
  gboolean in_title = TRUE;
  gboolean word_start = TRUE;
  guint kind = entry->section != NULL ? 2 : entry->lesson != NULL ? 1 : 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *at = strstr (entry->title, words[i]);
      const char *base = entry->title;

      if (at == NULL)
        {
          in_title = FALSE;
          base = entry->text;
          at = entry->text != NULL ? strstr (entry->text, words[i]) : NULL;
          if (at == NULL)
            return FALSE;
        }
      word_start = word_start && starts_word (base, at);
    }

  *title_match = in_title;
  *rank = (in_title ? 0 : 6) + (word_start ? 0 : 3) + kind;
  return TRUE;
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *ma = a;
  const Match *mb = b;

  if (ma->rank != mb->rank)
    return ma->rank < mb->rank ? -1 : 1;
  return ma->order < mb->order ? -1 : ma->order > mb->order;
}

/* The original text around the first word of the query that occurs in
 * it, cut at spaces, with an ellipsis where it was cut. */
static char *
make_snippet (const char  *text,
              char       **words)
{
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *folded = ak_library_search_fold (text, offsets);
  const char *start = text;
  const char *end;
  const char *at = NULL;
  GString *snippet;

  for (guint i = 0; words[i] != NULL && at == NULL; i++)
    at = strstr (folded, words[i]);
  if (at != NULL)
    {
      start = text + g_array_index (offsets, guint, at - folded);
      for (guint n = 0; n < SNIPPET_BEFORE && start > text; n++)
        start = g_utf8_prev_char (start);
      while (start > text && *start != ' ')
        start = g_utf8_prev_char (start);
      while (*start == ' ')
        start++;
    }

  end = start;
  for (guint n = 0; n < SNIPPET_CHARS && *end != '\0'; n++)
    end = g_utf8_next_char (end);
  if (*end != '\0')
    {
      const char *space = end;

      while (space > start && *space != ' ')
        space = g_utf8_prev_char (space);
      if (space > start)
        end = space;
    }

  snippet = g_string_new (start > text ? "…" : "");
  g_string_append_len (snippet, start, end - start);
  if (*end != '\0')
    g_string_append (snippet, "…");
  return g_string_free (snippet, FALSE);
}

static AkSearchHit *
make_hit (const Match  *match,
          char        **words)
{
  AkSearchHit *hit = g_object_new (AK_TYPE_SEARCH_HIT, NULL);
  AkCourse *course = match->index->course;
  const Entry *entry = &g_array_index (match->index->entries, Entry, match->entry);
  g_autofree char *text = dup_entry_text (course, entry);

  hit->course_id = g_strdup (ak_course_get_id (course));
  hit->course_title = g_strdup (ak_course_get_title (course));
  hit->lesson_id = entry->lesson != NULL ? g_strdup (ak_lesson_get_id (entry->lesson)) : NULL;
  hit->lesson_title = entry->lesson != NULL ? g_strdup (ak_lesson_get_title (entry->lesson)) : NULL;
  hit->section_id = entry->section != NULL ? g_strdup (ak_section_get_id (entry->section)) : NULL;
  hit->title = g_strdup (get_entry_title (course, entry));
  hit->snippet = make_snippet (text, words);
  hit->title_match = match->title_match;
  return hit;
}

static CourseIndex *
lookup_index (AkLibrarySearch *self,
              AkCourse        *course)
{
  CourseIndex *index = g_hash_table_lookup (self->indexes, course);

  if (index == NULL)
    {
      index = course_index_new (course);
      g_hash_table_insert (self->indexes, course, index);
    }
  /* Seen by this query: kept. */
  index->generation = self->generation;
  return index;
}

static gboolean
is_stale (gpointer key,
          gpointer value,
          gpointer user_data)
{
  AkLibrarySearch *self = user_data;
  CourseIndex *index = value;

  return index->generation != self->generation;
}

static void
ak_library_search_dispose (GObject *object)
{
  AkLibrarySearch *self = (AkLibrarySearch *)object;

  g_clear_pointer (&self->indexes, g_hash_table_unref);
  g_clear_object (&self->courses);

  G_OBJECT_CLASS (ak_library_search_parent_class)->dispose (object);
}

static void
ak_library_search_class_init (AkLibrarySearchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ak_library_search_dispose;
}

static void
ak_library_search_init (AkLibrarySearch *self)
{
  self->indexes = g_hash_table_new_full (NULL, NULL, NULL, course_index_free);
}

/**
 * ak_library_search_new:
 * @courses: a list of AkCourse, such as an AkCourseLibrary
 *
 * Returns: (transfer full): a search over the courses in @courses as the
 *   list is at the time of each query
 */
AkLibrarySearch *
ak_library_search_new (GListModel *courses)
{
  AkLibrarySearch *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (courses), NULL);

  self = g_object_new (AK_TYPE_LIBRARY_SEARCH, NULL);
  self->courses = g_object_ref (courses);
  return self;
}

/**
 * ak_library_search_query:
 * @query: the words the learner typed
 * @max_hits: at most this many hits are returned
 *
 * Indexes the courses not indexed yet and forgets those that left the
 * list.
 *
 * Returns: (transfer full) (element-type AkSearchHit): the hits, best
 *   first; empty when @query has no words or nothing matches
 */
GPtrArray *
ak_library_search_query (AkLibrarySearch *self,
                         const char      *query,
                         guint            max_hits)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GArray) matches = NULL;
  GPtrArray *hits = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_courses;
  guint order = 0;
  guint n_words = 0;

  g_return_val_if_fail (AK_IS_LIBRARY_SEARCH (self), hits);
  g_return_val_if_fail (query != NULL, hits);

  folded = g_strstrip (ak_library_search_fold (query, NULL));
  words = g_strsplit (folded, " ", -1);
  n_words = g_strv_length (words);
  if (n_words == 0 || *words[0] == '\0')
    return hits;

  self->generation++;
  matches = g_array_new (FALSE, FALSE, sizeof (Match));
  n_courses = g_list_model_get_n_items (self->courses);
  for (guint i = 0; i < n_courses; i++)
    {
      g_autoptr(AkCourse) course = g_list_model_get_item (self->courses, i);
      CourseIndex *index = lookup_index (self, course);

      for (guint j = 0; j < index->entries->len; j++)
        {
          Match match = { index, j, order++, 0, FALSE };

          if (rank_entry (&g_array_index (index->entries, Entry, j), words,
                          &match.rank, &match.title_match))
            g_array_append_val (matches, match);
        }
    }
  g_hash_table_foreach_remove (self->indexes, is_stale, self);

  g_array_sort (matches, compare_matches);
  for (guint i = 0; i < matches->len && i < max_hits; i++)
    g_ptr_array_add (hits, make_hit (&g_array_index (matches, Match, i), words));
  return hits;
}

/**
 * ak_library_search_index_some:
 * @max_courses: index at most this many courses
 *
 * Indexes some of the courses that have no index yet, so that a caller can
 * spread the work of the first query over idle time.
 *
 * Returns: %TRUE while courses without an index remain
 */
gboolean
ak_library_search_index_some (AkLibrarySearch *self,
                              guint            max_courses)
{
  guint n_courses;
  guint n_indexed = 0;

  g_return_val_if_fail (AK_IS_LIBRARY_SEARCH (self), FALSE);

  n_courses = g_list_model_get_n_items (self->courses);
  for (guint i = 0; i < n_courses; i++)
    {
      g_autoptr(AkCourse) course = g_list_model_get_item (self->courses, i);

      if (g_hash_table_contains (self->indexes, course))
        continue;
      if (n_indexed == max_courses)
        return TRUE;
      g_hash_table_insert (self->indexes, course, course_index_new (course));
      n_indexed++;
    }
  return FALSE;
}

/**
 * ak_library_search_get_n_indexed:
 *
 * Returns: how many courses have an index now
 */
guint
ak_library_search_get_n_indexed (AkLibrarySearch *self)
{
  g_return_val_if_fail (AK_IS_LIBRARY_SEARCH (self), 0);

  return g_hash_table_size (self->indexes);
}

const char *
ak_search_hit_get_course_id (AkSearchHit *self)
{
  g_return_val_if_fail (AK_IS_SEARCH_HIT (self), NULL);
  return self->course_id;
}

/* Returns: (nullable): the lesson, %NULL for a course */
const char *
ak_search_hit_get_lesson_id (AkSearchHit *self)
{
  g_return_val_if_fail (AK_IS_SEARCH_HIT (self), NULL);
  return self->lesson_id;
}

/* Returns: (nullable): the section, %NULL for a course or a lesson */
const char *
ak_search_hit_get_section_id (AkSearchHit *self)
{
  g_return_val_if_fail (AK_IS_SEARCH_HIT (self), NULL);
  return self->section_id;
}

/* Returns: the title of what was found, as in the course */
const char *
ak_search_hit_get_title (AkSearchHit *self)
{
  g_return_val_if_fail (AK_IS_SEARCH_HIT (self), NULL);
  return self->title;
}

/* Returns: plain text from around the match, possibly empty */
const char *
ak_search_hit_get_snippet (AkSearchHit *self)
{
  g_return_val_if_fail (AK_IS_SEARCH_HIT (self), NULL);
  return self->snippet;
}

const char *
ak_search_hit_get_course_title (AkSearchHit *self)
{
  g_return_val_if_fail (AK_IS_SEARCH_HIT (self), NULL);
  return self->course_title;
}

/* Returns: (nullable): the title of the lesson, %NULL for a course */
const char *
ak_search_hit_get_lesson_title (AkSearchHit *self)
{
  g_return_val_if_fail (AK_IS_SEARCH_HIT (self), NULL);
  return self->lesson_title;
}

/* Returns: whether every word of the query is in the title */
gboolean
ak_search_hit_get_title_match (AkSearchHit *self)
{
  g_return_val_if_fail (AK_IS_SEARCH_HIT (self), FALSE);
  return self->title_match;
}
