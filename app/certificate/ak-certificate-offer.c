/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <glib/gi18n.h>

#include "ak-certificate-offer.h"
#include "ak-certificate-render.h"
#include "ak-certificate-verify.h"

/*
 * "Save Certificate of Participation…" after a passed certifying quiz: the
 * learner's name is asked once and kept in the settings (and as the
 * store's display name, which `--verify-certificate` reads in another
 * process), then a file is chosen and the PDF written.
 */

typedef struct
{
  GtkWindow         *parent;
  AkContext         *context;
  AkCourse          *course;
  char              *quiz_id;
  AkProgressAttempt *attempt;
  char              *name;
  GtkEntry          *entry;       /* in the name dialog, while it is open */
  GtkFileChooserNative *chooser;
} Offer;

static void
offer_free (Offer *offer)
{
  g_clear_object (&offer->parent);
  g_clear_object (&offer->context);
  g_clear_object (&offer->course);
  g_free (offer->quiz_id);
  g_free (offer->name);
  g_clear_pointer (&offer->attempt, ak_progress_attempt_free);
  g_clear_object (&offer->chooser);
  g_free (offer);
}

static void
show_error (GtkWindow  *parent,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Certificate Not Saved"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The name kept in the settings, or NULL when it was never given. */
static char *
dup_learner_name (AkContext *context)
{
  GSettings *settings = ak_context_get_settings (context);
  g_autofree char *name = NULL;

  if (settings == NULL)
    return NULL;
  name = g_strstrip (g_settings_get_string (settings, "learner-name"));
  return ak_certificate_name_is_valid (name) ? g_steal_pointer (&name) : NULL;
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  Offer *offer = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(AkCertificateRecord) record = NULL;
  g_autoptr(AkCertificateContent) content = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      offer_free (offer);
      return;
    }
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  record = ak_certificate_record_new_for_attempt (offer->attempt, offer->name);
  content = ak_certificate_content_new (offer->course, offer->quiz_id, record,
                                        ak_context_get_library (offer->context));
  if (file == NULL || !ak_certificate_render_to_file (content, file, NULL, &error))
    show_error (offer->parent, error != NULL ? error->message : _("No file was chosen."));
  offer_free (offer);
}

/**
 * ak_certificate_suggest_file_name:
 *
 * Returns: (transfer full): "Teilnahmebescheinigung-<course id>.pdf" in German
 */
char *
ak_certificate_suggest_file_name (AkCourse *course)
{
  g_return_val_if_fail (AK_IS_COURSE (course), NULL);

  /* Translators: the file name a certificate is saved under; %s is the course's id */
  return g_strdup_printf (_("Certificate-%s.pdf"), ak_course_get_id (course));
}

static void
choose_file (Offer *offer)
{
  g_autofree char *name = ak_certificate_suggest_file_name (offer->course);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  offer->chooser = gtk_file_chooser_native_new (_("Save Certificate of Participation"),
                                                offer->parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                                _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (offer->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (offer->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (offer->chooser), name);
  g_signal_connect (offer->chooser, "response", G_CALLBACK (save_response_cb), offer);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (offer->chooser));
}

static void
keep_learner_name (AkContext  *context,
                   const char *name)
{
  GSettings *settings = ak_context_get_settings (context);
  AkProgressStore *store = ak_context_get_store (context);
  g_autoptr(GError) error = NULL;

  if (settings != NULL)
    g_settings_set_string (settings, "learner-name", name);
  if (store != NULL && !ak_progress_store_set_display_name (store, name, &error))
    g_message ("%s", error->message);
}

static void
name_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          user_data)
{
  Offer *offer = user_data;

  if (!g_str_equal (response, "continue"))
    {
      offer_free (offer);
      return;
    }
  offer->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (offer->entry))));
  offer->entry = NULL;
  keep_learner_name (offer->context, offer->name);
  choose_file (offer);
}

static void
name_changed_cb (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "continue",
                                           ak_certificate_name_is_valid (name));
}

static void
ask_name (Offer *offer)
{
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (offer->parent, _("Name on the Certificate"),
                                   _("Your name is printed on the certificate as you write it "
                                     "here. It is kept for later certificates."));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  /* Four bytes a character at most: within what a certificate holds. */
  gtk_entry_set_max_length (GTK_ENTRY (entry), AK_CERTIFICATE_MAX_FIELD / 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Your name"), -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("First and last name"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "continue", _("_Continue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "continue",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue", FALSE);
  offer->entry = GTK_ENTRY (entry);
  g_signal_connect (entry, "changed", G_CALLBACK (name_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (name_response_cb), offer);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * ak_certificate_can_offer:
 * @attempt_id: a finished attempt at @quiz_id
 *
 * Whether the results page should offer "Save Certificate of
 * Participation…": the attempt passed and the quiz certifies.
 */
gboolean
ak_certificate_can_offer (AkContext  *context,
                          AkCourse   *course,
                          const char *quiz_id,
                          gint64      attempt_id)
{
  g_autoptr(AkProgressAttempt) attempt = NULL;
  g_autoptr(GError) error = NULL;
  AkProgressStore *store;

  g_return_val_if_fail (AK_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (AK_IS_COURSE (course), FALSE);
  g_return_val_if_fail (quiz_id != NULL, FALSE);

  store = ak_context_get_store (context);
  if (store == NULL)
    return FALSE;
  attempt = ak_certificate_find_attempt (store, course, quiz_id, attempt_id, &error);
  if (error != NULL)
    g_message ("%s", error->message);
  return attempt != NULL;
}

/**
 * ak_certificate_offer:
 * @parent: the window the dialogs belong to
 * @attempt_id: a finished, passed attempt at the certifying quiz @quiz_id
 *
 * Asks for the learner's name if it is not known yet, then where to save
 * the certificate of participation, and saves it there. Problems are
 * shown in a dialog.
 */
void
ak_certificate_offer (GtkWindow  *parent,
                      AkContext  *context,
                      AkCourse   *course,
                      const char *quiz_id,
                      gint64      attempt_id)
{
  g_autoptr(GError) error = NULL;
  AkProgressStore *store;
  Offer *offer;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (AK_IS_CONTEXT (context));
  g_return_if_fail (AK_IS_COURSE (course));
  g_return_if_fail (quiz_id != NULL);

  offer = g_new0 (Offer, 1);
  offer->parent = g_object_ref (parent);
  offer->context = g_object_ref (context);
  offer->course = g_object_ref (course);
  offer->quiz_id = g_strdup (quiz_id);
  store = ak_context_get_store (context);
  if (store != NULL)
    offer->attempt = ak_certificate_find_attempt (store, course, quiz_id, attempt_id, &error);
  if (offer->attempt == NULL)
    {
      show_error (parent, error != NULL ? error->message
                                        : _("This attempt does not earn a certificate."));
      offer_free (offer);
      return;
    }

  offer->name = dup_learner_name (context);
  if (offer->name == NULL)
    ask_name (offer);
  else
    choose_file (offer);
}
