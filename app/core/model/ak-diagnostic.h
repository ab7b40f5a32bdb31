/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  AK_SEVERITY_ERROR,
  AK_SEVERITY_WARNING
} AkSeverity;

/* One problem in a course file, at a 1-based line and column. */
typedef struct
{
  char      *file;
  guint      line;
  guint      column;
  AkSeverity severity;
  char      *message;
} AkDiagnostic;

#define AK_TYPE_DIAGNOSTIC (ak_diagnostic_get_type ())

GType         ak_diagnostic_get_type  (void) G_GNUC_CONST;
AkDiagnostic *ak_diagnostic_new       (const char         *file,
                                       guint               line,
                                       guint               column,
                                       AkSeverity          severity,
                                       const char         *message);
AkDiagnostic *ak_diagnostic_copy      (const AkDiagnostic *self);
void          ak_diagnostic_free      (AkDiagnostic       *self);
char         *ak_diagnostic_to_string (const AkDiagnostic *self);
char         *ak_diagnostic_escape    (const char         *text);
GPtrArray    *ak_diagnostic_list_new  (void);
gboolean      ak_diagnostic_list_has_errors (GPtrArray    *diagnostics);
void          ak_diagnostic_list_count (GPtrArray         *diagnostics,
                                        guint             *n_errors,
                                        guint             *n_warnings);
char         *ak_diagnostic_format_counts (guint           n_errors,
                                           guint           n_warnings);
void          ak_diagnostic_list_add  (GPtrArray          *diagnostics,
                                       const char         *file,
                                       guint               line,
                                       guint               column,
                                       AkSeverity          severity,
                                       const char         *format,
                                       ...) G_GNUC_PRINTF (6, 7);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AkDiagnostic, ak_diagnostic_free)

G_END_DECLS
