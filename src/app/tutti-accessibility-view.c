/* tutti-accessibility-view.c — INFO-1: the accessibility statement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>

#include "tutti-accessibility-view.h"

struct _TuttiAccessibilityView
{
  AdwBin    parent_instance;

  GtkLabel *contact_label;
};

G_DEFINE_FINAL_TYPE (TuttiAccessibilityView, tutti_accessibility_view, ADW_TYPE_BIN)

/* "tel:0299746864" from "02 99 74 68 64" */
static char *
phone_uri (const char *phone)
{
  GString *uri = g_string_new ("tel:");

  for (const char *p = phone; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) || *p == '+')
      g_string_append_c (uri, *p);

  return g_string_free (uri, FALSE);
}

void
tutti_accessibility_view_set_school (TuttiAccessibilityView *self,
                                     const TuttiSchool      *school)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  gboolean has_phone;
  gboolean has_email;

  g_return_if_fail (TUTTI_IS_ACCESSIBILITY_VIEW (self));

  has_phone = school != NULL && !tutti_is_blank (school->phone);
  has_email = school != NULL && !tutti_is_blank (school->email);

  if (!has_phone && !has_email)
    {
      g_autofree char *text =
        g_markup_escape_text (_("The office’s phone number and email address are shown here once you "
                                "are logged in. They are also in the email that gave you your identifier."),
                              -1);
      gtk_label_set_markup (self->contact_label, text);
      return;
    }

  if (!tutti_is_blank (school->name))
    {
      g_autofree char *name = g_markup_escape_text (school->name, -1);

      g_string_append_printf (markup, "<b>%s</b>\n", name);
    }

  if (has_phone)
    {
      g_autofree char *shown = tutti_phone_normalize (school->phone);
      g_autofree char *uri = phone_uri (school->phone);
      g_autofree char *link = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", uri,
                                                       shown != NULL && *shown != '\0' ? shown : school->phone);
      g_autofree char *label = g_markup_escape_text (_("Phone:"), -1);

      g_string_append_printf (markup, "%s %s", label, link);
    }

  if (has_email)
    {
      g_autofree char *link = g_markup_printf_escaped ("<a href=\"mailto:%s\">%s</a>",
                                                       school->email, school->email);
      g_autofree char *label = g_markup_escape_text (_("Email:"), -1);

      g_string_append_printf (markup, "%s%s %s", has_phone ? "\n" : "", label, link);
    }

  gtk_label_set_markup (self->contact_label, markup->str);
}

void
tutti_accessibility_view_present_dialog (GtkWindow         *parent,
                                         const TuttiSchool *school)
{
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *view;
  GtkEventController *controller;

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Accessibility"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 640);
  gtk_widget_set_size_request (window, 360, 300);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());

  view = g_object_new (TUTTI_TYPE_ACCESSIBILITY_VIEW, "vexpand", TRUE, NULL);
  tutti_accessibility_view_set_school (TUTTI_ACCESSIBILITY_VIEW (view), school);
  gtk_box_append (GTK_BOX (box), view);
  adw_window_set_content (ADW_WINDOW (window), box);

  /* Escape closes it, as every dialog. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, controller);

  gtk_window_present (GTK_WINDOW (window));
}

static void
tutti_accessibility_view_dispose (GObject *object)
{
  /* AdwBin unparents its child itself: drop it first, so that a child
   * bound as a template child is not unparented twice. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), TUTTI_TYPE_ACCESSIBILITY_VIEW);

  G_OBJECT_CLASS (tutti_accessibility_view_parent_class)->dispose (object);
}

static void
tutti_accessibility_view_class_init (TuttiAccessibilityViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tutti_accessibility_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/tutti/Tutti/ui/tutti-accessibility-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TuttiAccessibilityView, contact_label);
}

static void
tutti_accessibility_view_init (TuttiAccessibilityView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  tutti_accessibility_view_set_school (self, NULL);
}
