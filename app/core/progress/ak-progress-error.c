/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "ak-progress-store-private.h"

G_DEFINE_QUARK (ak-progress-error-quark, ak_progress_error)

static gboolean
is_read_only_errno (int saved_errno)
{
  return saved_errno == EROFS || saved_errno == EACCES || saved_errno == EPERM;
}

static gboolean
is_full_errno (int saved_errno)
{
  /* EFBIG: the file size limit (ulimit -f) is a full disk to the learner. */
  return saved_errno == ENOSPC || saved_errno == EDQUOT || saved_errno == EFBIG;
}

/* The errno behind SQLite's last I/O error. sqlite3_system_errno() reads
 * errno only after the transaction was rolled back, by when it may have
 * changed; the files remember their own last error. */
static int
last_io_errno (sqlite3 *db)
{
  sqlite3_file *journal = NULL;
  int value = 0;

  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_JOURNAL_POINTER, &journal) == SQLITE_OK
      && journal != NULL && journal->pMethods != NULL
      && journal->pMethods->xFileControl (journal, SQLITE_FCNTL_LAST_ERRNO, &value) == SQLITE_OK
      && value != 0)
    return value;
  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_LAST_ERRNO, &value) == SQLITE_OK
      && value != 0)
    return value;
  return sqlite3_system_errno (db);
}

/* What went wrong, in the learner's language: SQLite's own messages are
 * English and technical. */
static const char *
describe_result (int primary)
{
  switch (primary)
    {
    case SQLITE_ERROR:
    case SQLITE_SCHEMA:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
    case SQLITE_FORMAT:
      return _("the database does not hold what Akademie expects");
    case SQLITE_IOERR:
      return _("reading from or writing to the disk failed");
    case SQLITE_NOMEM:
      return _("there is not enough memory");
    case SQLITE_CANTOPEN:
      return _("the database file cannot be opened");
    case SQLITE_CONSTRAINT:
      return _("the change does not fit what is already saved");
    case SQLITE_TOOBIG:
      return _("an entry is too large");
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return _("access was denied");
    case SQLITE_PROTOCOL:
    case SQLITE_NOLFS:
      return _("the file system does not support the database");
    default:
      return _("an unexpected error occurred");
    }
}

/*
 * Turns a failed SQLite call into an error the learner can read: a
 * translated sentence, and SQLite's own words on a second line for
 * whoever looks into it. The
 * system errno behind an I/O error decides between "read-only" and "full",
 * since a disk that was remounted read-only or ran out of space shows up
 * as SQLITE_IOERR rather than SQLITE_READONLY or SQLITE_FULL.
 */
void
ak_progress_set_sqlite_error (GError  **error,
                              sqlite3  *db,
                              int       rc)
{
  int primary = rc & 0xff;
  int saved_errno = 0;
  const char *detail;

  if (db != NULL && (primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN))
    saved_errno = last_io_errno (db);
  detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  if (primary == SQLITE_READONLY || is_read_only_errno (saved_errno))
    g_set_error_literal (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_READ_ONLY,
                         _("Akademie cannot save your progress because the storage is "
                           "read-only."));
  else if (primary == SQLITE_FULL || is_full_errno (saved_errno))
    g_set_error_literal (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_DISK_FULL,
                         _("Akademie cannot save your progress because the disk is full. "
                           "Free some space and try again."));
  else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    g_set_error_literal (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_BUSY,
                         _("Your progress is being used by another program. "
                           "Please try again."));
  else if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    g_set_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_DAMAGED,
                 /* Translators: %s is a technical detail from the database, in English */
                 _("Your progress database is damaged. Restart Akademie to repair it.\n"
                   "Technical details: %s"),
                 detail);
  else
    g_set_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_FAILED,
                 /* Translators: the first %s says what went wrong, e.g. "an entry is too
                  * large"; the second is a technical detail from the database, in English */
                 _("Your progress could not be read or saved: %s.\nTechnical details: %s"),
                 describe_result (primary), detail);
}

/* A file operation failed with @saved_errno; @format is the whole message. */
void
ak_progress_set_errno_error (GError     **error,
                             int          saved_errno,
                             const char  *format,
                             ...)
{
  g_autofree char *message = NULL;
  AkProgressError code = ak_progress_error_from_errno (saved_errno, AK_PROGRESS_ERROR_FAILED);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, AK_PROGRESS_ERROR, code, message);
}

/* A read-only or full disk, whatever else went wrong: that is what the
 * learner can do something about. */
AkProgressError
ak_progress_error_from_errno (int             saved_errno,
                              AkProgressError otherwise)
{
  if (is_read_only_errno (saved_errno))
    return AK_PROGRESS_ERROR_READ_ONLY;
  if (is_full_errno (saved_errno))
    return AK_PROGRESS_ERROR_DISK_FULL;
  return otherwise;
}
