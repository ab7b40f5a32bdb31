/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib/gstdio.h>

#include "ak-course.h"
#include "ak-diagnostic.h"

G_BEGIN_DECLS

/*
 * One file the library looked at, as read from disk. A file is read in a
 * worker thread and then only read, from any thread, except for
 * `diagnostics`, which the main thread sets (the loader's problems plus
 * those found by comparing courses). Reference counted, so that a file
 * that did not change is carried over from one reload to the next
 * without reading it again.
 */

/* What a file looked like when it was read: a save changes at least one. */
typedef struct
{
  gboolean exists;
  gboolean directory;
  gboolean link;        /* a symbolic link, stamped as its target */
  guint64  device;
  guint64  inode;
  gint64   size;
  gint64   mtime_ns;
  gint64   ctime_ns;
} AkLibraryStamp;

/* A question's reference to a thesis of another course, "course:thesis". */
typedef struct
{
  AkQuestion *question;
  const char *reference;
  char       *course_id;
  const char *thesis_id;
} AkLibraryReference;

typedef struct
{
  char          *path;          /* as found on the search path */
  gboolean       opened;        /* given one by one, not found in a folder */
  AkLibraryStamp stamp;
  AkCourse      *course;        /* as loaded; NULL when the file has errors */
  char          *sort_key;      /* of the course's title */
  GHashTable    *theses;        /* the course's thesis ids */
  GArray        *references;    /* AkLibraryReference, in file order */
  GPtrArray     *load_diagnostics; /* AkDiagnostic, from the loader */
  GPtrArray     *diagnostics;   /* AkDiagnostic, all; main thread only */
} AkLibraryFile;

AkLibraryFile *ak_library_file_new           (const char          *path,
                                              gboolean             opened);
AkLibraryFile *ak_library_file_ref           (AkLibraryFile       *self);
void           ak_library_file_unref         (AkLibraryFile       *self);
AkLibraryFile *ak_library_file_copy_as       (AkLibraryFile       *self,
                                              gboolean             opened);
void           ak_library_file_set_course    (AkLibraryFile       *self,
                                              AkCourse            *course);
void           ak_library_stamp_read         (AkLibraryStamp      *stamp,
                                              const char          *path);
gboolean       ak_library_stamp_equal        (const AkLibraryStamp *a,
                                              const AkLibraryStamp *b);
gboolean       ak_library_diagnostics_equal  (GPtrArray           *a,
                                              GPtrArray           *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AkLibraryFile, ak_library_file_unref)

G_END_DECLS
