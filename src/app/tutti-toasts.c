/* tutti-toasts.c — a view's toasts: the last one replaces the one shown,
 * with Retry where trying again helps
 *
 * A toast says what was just done, or why it could not be: an older one,
 * already read or about a row left behind, does not wait its turn before
 * it. A toast's title is Pango markup; a server's message is not, so the
 * title is escaped here once for every view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti"

#include "config.h"

#include <glib/gi18n.h>

#include "tutti-toasts.h"

void
tutti_toasts_init (TuttiToasts     *toasts,
                   AdwToastOverlay *overlay)
{
  g_return_if_fail (toasts != NULL);
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));

  toasts->overlay = overlay;
  toasts->shown = NULL;
  toasts->last_title = NULL;
}

void
tutti_toasts_dismiss (TuttiToasts *toasts)
{
  g_return_if_fail (toasts != NULL);

  if (toasts->shown != NULL)
    adw_toast_dismiss (toasts->shown);
  g_clear_weak_pointer (&toasts->shown);
}

void
tutti_toasts_show (TuttiToasts *toasts,
                   const char  *title,
                   guint        timeout,
                   const char  *retry_action,
                   GVariant    *retry_target)
{
  g_autofree char *markup = NULL;
  AdwToast *toast;

  g_return_if_fail (toasts != NULL && toasts->overlay != NULL);
  g_return_if_fail (title != NULL);

  tutti_toasts_dismiss (toasts);
  markup = g_markup_escape_text (title, -1);
  toast = adw_toast_new (markup);
  adw_toast_set_timeout (toast, timeout);
  if (retry_action != NULL)
    {
      adw_toast_set_button_label (toast, _("_Retry"));
      adw_toast_set_action_name (toast, retry_action);
      if (retry_target != NULL)
        adw_toast_set_action_target_value (toast, retry_target);
    }
  else if (retry_target != NULL)
    g_variant_unref (g_variant_ref_sink (retry_target));

  g_free (toasts->last_title);
  toasts->last_title = g_strdup (title);
  g_set_weak_pointer (&toasts->shown, toast);
  adw_toast_overlay_add_toast (toasts->overlay, toast);
}

void
tutti_toasts_forget (TuttiToasts *toasts)
{
  g_return_if_fail (toasts != NULL);

  tutti_toasts_dismiss (toasts);
  g_clear_pointer (&toasts->last_title, g_free);
}

void
tutti_toasts_clear (TuttiToasts *toasts)
{
  g_return_if_fail (toasts != NULL);

  g_clear_weak_pointer (&toasts->shown);
  g_clear_pointer (&toasts->last_title, g_free);
}

const char *
tutti_toasts_get_last_title (TuttiToasts *toasts)
{
  g_return_val_if_fail (toasts != NULL, NULL);

  return toasts->last_title;
}
