/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Finding courses, lessons and sections by their words. Text is compared
 * folded: case, accents and the German spellings of umlauts do not count,
 * so "ubersicht", "uebersicht" and "ÜBERSICHT" all find "Übersicht", and
 * "strasse" finds "Straße". Every word of the query must occur; hits in a
 * title rank before hits in the text of a section.
 *
 * The index of a course is built the first time a query needs it and kept
 * as long as the course is in the list, so that a reload of one file
 * re-indexes only that course, and a library nobody searches costs nothing.
 */

#define AK_TYPE_SEARCH_HIT (ak_search_hit_get_type ())
G_DECLARE_FINAL_TYPE (AkSearchHit, ak_search_hit, AK, SEARCH_HIT, GObject)

const char *ak_search_hit_get_course_id    (AkSearchHit *self);
const char *ak_search_hit_get_lesson_id    (AkSearchHit *self);
const char *ak_search_hit_get_section_id   (AkSearchHit *self);
const char *ak_search_hit_get_title        (AkSearchHit *self);
const char *ak_search_hit_get_snippet      (AkSearchHit *self);
const char *ak_search_hit_get_course_title (AkSearchHit *self);
const char *ak_search_hit_get_lesson_title (AkSearchHit *self);
gboolean    ak_search_hit_get_title_match  (AkSearchHit *self);

#define AK_TYPE_LIBRARY_SEARCH (ak_library_search_get_type ())
G_DECLARE_FINAL_TYPE (AkLibrarySearch, ak_library_search, AK, LIBRARY_SEARCH, GObject)

AkLibrarySearch *ak_library_search_new          (GListModel      *courses);
GPtrArray       *ak_library_search_query        (AkLibrarySearch *self,
                                                 const char      *query,
                                                 guint            max_hits);
gboolean         ak_library_search_index_some   (AkLibrarySearch *self,
                                                 guint            max_courses);
guint            ak_library_search_get_n_indexed (AkLibrarySearch *self);

char            *ak_library_search_fold         (const char      *text,
                                                 GArray          *offsets);

G_END_DECLS
