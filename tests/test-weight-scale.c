/* test-weight-scale.c — the weights' sliders and the round-ended bars
 * drawn from images
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under GTK's cairo renderer a weight's slider draws its trough, highlight
 * and knob from images, and the ranking's score bars their bars: they look
 * as libadwaita's own scale does next to them, in the light and the dark
 * and the high-contrast style, right to left, under the pointer and with
 * the keyboard's focus ring, follow a new value at once, and stay a
 * GtkRange for assistive technologies. A bar cut to a shorter length has
 * the same pixels as a bar of that length.
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "fr-pill-image.h"
#include "fr-weight-scale.h"
#include "test-app-common.h"

#define SCALE_WIDTH 240

typedef struct {
  GtkWidget *window;
  GtkWidget *ours;
  GtkWidget *stock;
  GtkAdjustment *adjustment;
  guint frames;
} Fixture;

static void
on_frame (GdkFrameClock *clock,
          Fixture       *fixture)
{
  fixture->frames++;
}

static gboolean
frame_painted (gpointer data)
{
  return ((Fixture *) data)->frames > 0;
}

/* Until the window has painted a frame after what came before. */
static void
wait_frame (Fixture *fixture)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (fixture->window);
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_frame), fixture);

  fixture->frames = 0;
  gtk_widget_queue_draw (fixture->window);
  iterate_until (frame_painted, fixture);
  g_signal_handler_disconnect (clock, handler);
  drain_events ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  fixture->adjustment = g_object_ref_sink (gtk_adjustment_new (25, 0, 100, 1, 10, 0));
  fixture->ours = fr_weight_scale_new (fixture->adjustment);
  fixture->stock = gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, fixture->adjustment);
  gtk_scale_set_draw_value (GTK_SCALE (fixture->stock), FALSE);
  gtk_widget_set_size_request (fixture->ours, SCALE_WIDTH, -1);
  gtk_widget_set_size_request (fixture->stock, SCALE_WIDTH, -1);
  gtk_widget_set_halign (fixture->ours, GTK_ALIGN_START);
  gtk_widget_set_halign (fixture->stock, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), fixture->ours);
  gtk_box_append (GTK_BOX (box), fixture->stock);
  fixture->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), box);
  gtk_window_present (GTK_WINDOW (fixture->window));
  iterate_until (widget_is_mapped, fixture->ours);
  wait_frame (fixture);
}

/* A window laid out right to left from the start, as in a right-to-left
 * language: GtkRange flips its parts when it is next laid out anew. */
static void
fixture_set_up_rtl (Fixture       *fixture,
                    gconstpointer  data)
{
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  fixture_set_up (fixture, data);
  gtk_widget_set_direction (fixture->ours, GTK_TEXT_DIR_RTL);
  gtk_widget_set_direction (fixture->stock, GTK_TEXT_DIR_RTL);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  wait_frame (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_object_unref (fixture->adjustment);
  drain_events ();
}

static gboolean
high_contrast_is (gpointer wanted)
{
  return adw_style_manager_get_high_contrast (adw_style_manager_get_default ()) == GPOINTER_TO_INT (wanted);
}

/* The desktop's high-contrast setting, as libadwaita reads it without a
 * settings portal. */
static void
set_high_contrast (gboolean high_contrast)
{
  g_autoptr(GSettings) a11y = g_settings_new ("org.gnome.desktop.a11y.interface");

  g_settings_set_boolean (a11y, "high-contrast", high_contrast);
  iterate_until (high_contrast_is, GINT_TO_POINTER (high_contrast));
}

static void
fixture_set_up_high_contrast (Fixture       *fixture,
                              gconstpointer  data)
{
  set_high_contrast (TRUE);
  fixture_set_up (fixture, data);
}

static void
fixture_tear_down_high_contrast (Fixture       *fixture,
                                 gconstpointer  data)
{
  set_high_contrast (FALSE);
  fixture_tear_down (fixture, data);
}

/* What @widget last drew, as GTK's cairo renderer draws it, its pixels
 * addressed in the widget's own coordinates. */
static cairo_surface_t *
render_widget (GtkWidget *widget)
{
  GdkPaintable *paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  graphene_rect_t bounds;
  cairo_surface_t *image;
  GskRenderNode *node;

  g_assert_true (gtk_widget_compute_bounds (widget, widget, &bounds));
  gdk_paintable_snapshot (paintable, snapshot, bounds.size.width, bounds.size.height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  image = node_picture (node, (int) bounds.size.width, (int) bounds.size.height);
  cairo_surface_set_device_offset (image, -bounds.origin.x, -bounds.origin.y);
  gsk_render_node_unref (node);
  g_object_unref (paintable);
  return image;
}

static guint32
pixel (cairo_surface_t *image,
       double           x,
       double           y)
{
  int stride = cairo_image_surface_get_stride (image);
  const guchar *data = cairo_image_surface_get_data (image);
  double offset_x, offset_y;
  int column, row;

  cairo_surface_get_device_offset (image, &offset_x, &offset_y);
  column = (int) floor (x + offset_x);
  row = (int) floor (y + offset_y);
  g_assert_cmpint (column, >=, 0);
  g_assert_cmpint (column, <, cairo_image_surface_get_width (image));
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpint (row, <, cairo_image_surface_get_height (image));
  return *(const guint32 *) (data + row * stride + column * 4);
}

static int
channel (guint32 value,
         int     shift)
{
  return (int) ((value >> shift) & 0xff);
}

static void
assert_close (guint32     ours,
              guint32     stock,
              int         tolerance,
              const char *where)
{
  for (int shift = 0; shift < 32; shift += 8)
    if (abs (channel (ours, shift) - channel (stock, shift)) > tolerance)
      g_error ("%s: %08x drawn, libadwaita draws %08x", where, ours, stock);
}

/* A part's box in its scale's coordinates. */
static graphene_rect_t
part_box (GtkWidget  *scale,
          const char *path)
{
  GtkWidget *part = scale;
  g_auto(GStrv) names = g_strsplit (path, "/", -1);
  graphene_rect_t box;

  for (guint i = 0; names[i] != NULL; i++)
    {
      GtkWidget *child = gtk_widget_get_first_child (part);

      while (child != NULL && g_strcmp0 (gtk_widget_get_css_name (child), names[i]) != 0)
        child = gtk_widget_get_next_sibling (child);
      g_assert_nonnull (child);
      part = child;
    }
  g_assert_true (gtk_widget_compute_bounds (part, scale, &box));
  return box;
}

/* The slider next to libadwaita's: the same knob, highlight and trough
 * where GtkRange puts them, in both styles. */
static void
test_looks_like_libadwaita (Fixture       *fixture,
                            gconstpointer  data)
{
  AdwColorScheme scheme = GPOINTER_TO_INT (data);
  cairo_surface_t *ours, *stock;
  graphene_rect_t trough, knob;
  double middle_y;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  wait_frame (fixture);
  g_assert_cmpint (gtk_widget_get_height (fixture->ours), ==, gtk_widget_get_height (fixture->stock));

  ours = render_widget (fixture->ours);
  stock = render_widget (fixture->stock);
  trough = part_box (fixture->ours, "trough");
  knob = part_box (fixture->ours, "trough/slider");
  g_assert_cmpfloat (trough.origin.x, ==, part_box (fixture->stock, "trough").origin.x);
  g_assert_cmpfloat (knob.origin.x, ==, part_box (fixture->stock, "trough/slider").origin.x);
  middle_y = trough.origin.y + trough.size.height / 2;
  assert_close (pixel (ours, knob.origin.x + knob.size.width / 2, knob.origin.y + knob.size.height / 2),
                pixel (stock, knob.origin.x + knob.size.width / 2, knob.origin.y + knob.size.height / 2), 2,
                "the knob");
  assert_close (pixel (ours, trough.origin.x + 8, middle_y), pixel (stock, trough.origin.x + 8, middle_y), 2,
                "the highlight");
  assert_close (pixel (ours, trough.origin.x + trough.size.width - 20, middle_y),
                pixel (stock, trough.origin.x + trough.size.width - 20, middle_y), 2, "the trough");
  /* The rounded end of the trough, half covered. */
  assert_close (pixel (ours, trough.origin.x + trough.size.width - 1, trough.origin.y),
                pixel (stock, trough.origin.x + trough.size.width - 1, trough.origin.y), 24, "the trough's end");
  /* Outside the knob's edge, and in its shadow below. */
  assert_close (pixel (ours, knob.origin.x - 3, knob.origin.y + knob.size.height / 2 - 6),
                pixel (stock, knob.origin.x - 3, knob.origin.y + knob.size.height / 2 - 6), 2, "beside the knob");
  assert_close (pixel (ours, knob.origin.x + knob.size.width / 2, knob.origin.y + knob.size.height + 2),
                pixel (stock, knob.origin.x + knob.size.width / 2, knob.origin.y + knob.size.height + 2), 8,
                "the knob's shadow");
  g_assert_cmpint (channel (pixel (ours, knob.origin.x + knob.size.width / 2, knob.origin.y + knob.size.height + 2),
                            24), >, 0);

  cairo_surface_destroy (ours);
  cairo_surface_destroy (stock);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static gboolean
knob_in_right_half (gpointer scale)
{
  graphene_rect_t trough = part_box (scale, "trough"), knob = part_box (scale, "trough/slider");

  return knob.origin.x > trough.origin.x + trough.size.width / 2;
}

/* Right to left, the highlight runs from the trough's right end, as
 * GtkRange lays it out and libadwaita draws it. */
static void
test_right_to_left (Fixture       *fixture,
                    gconstpointer  data)
{
  cairo_surface_t *ours, *stock;
  graphene_rect_t trough, knob;
  double middle_y, right = 0, left = 0;

  iterate_until (knob_in_right_half, fixture->ours);
  ours = render_widget (fixture->ours);
  stock = render_widget (fixture->stock);
  trough = part_box (fixture->ours, "trough");
  knob = part_box (fixture->ours, "trough/slider");
  middle_y = trough.origin.y + trough.size.height / 2;
  right = trough.origin.x + trough.size.width - 8;
  left = trough.origin.x + 8;
  /* A quarter of the way from the right. */
  g_assert_cmpfloat (knob.origin.x, >, trough.origin.x + trough.size.width / 2);
  g_assert_cmpfloat (knob.origin.x, ==, part_box (fixture->stock, "trough/slider").origin.x);
  assert_close (pixel (ours, right, middle_y), pixel (stock, right, middle_y), 2, "the highlight, right to left");
  assert_close (pixel (ours, left, middle_y), pixel (stock, left, middle_y), 2, "the trough, right to left");
  g_assert_cmphex (pixel (ours, right, middle_y), !=, pixel (ours, left, middle_y));
  cairo_surface_destroy (ours);
  cairo_surface_destroy (stock);
}

/* Both scales in @flags as well, once libadwaita's transitions (200 ms,
 * from the frame that restyles them) are over. */
static void
set_state (Fixture       *fixture,
           GtkStateFlags  flags)
{
  gtk_widget_set_state_flags (fixture->ours, flags, FALSE);
  gtk_widget_set_state_flags (fixture->stock, flags, FALSE);
  wait_frame (fixture);
  g_usleep (300 * 1000);
  wait_frame (fixture);
  wait_frame (fixture);
}

/* With the keyboard's focus, the knob has libadwaita's focus ring. */
static void
test_focus_ring (Fixture       *fixture,
                 gconstpointer  data)
{
  cairo_surface_t *ours, *stock, *unfocused;
  graphene_rect_t knob = part_box (fixture->ours, "trough/slider");
  /* Just above the knob, clear of the trough. */
  double x = knob.origin.x + knob.size.width / 2, y = knob.origin.y - 1;

  unfocused = render_widget (fixture->ours);
  /* As the window sets them on the focus widget when the keyboard moved
   * the focus (the window is never active without a window manager). */
  set_state (fixture, GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE);
  ours = render_widget (fixture->ours);
  stock = render_widget (fixture->stock);

  assert_close (pixel (ours, x, y), pixel (stock, x, y), 8, "the focus ring");
  g_assert_cmphex (pixel (ours, x, y), !=, pixel (unfocused, x, y));
  cairo_surface_destroy (ours);
  cairo_surface_destroy (stock);
  cairo_surface_destroy (unfocused);
}

/* Under the pointer, the trough darkens, the highlight lightens and the
 * knob turns white, as libadwaita's do. */
static void
test_hover (Fixture       *fixture,
            gconstpointer  data)
{
  cairo_surface_t *ours, *stock, *before;
  graphene_rect_t trough = part_box (fixture->ours, "trough"), knob = part_box (fixture->ours, "trough/slider");
  double middle_y = trough.origin.y + trough.size.height / 2;
  double centre_x = knob.origin.x + knob.size.width / 2, centre_y = knob.origin.y + knob.size.height / 2;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  wait_frame (fixture);
  before = render_widget (fixture->ours);
  set_state (fixture, GTK_STATE_FLAG_PRELIGHT);
  ours = render_widget (fixture->ours);
  stock = render_widget (fixture->stock);

  assert_close (pixel (ours, centre_x, centre_y), pixel (stock, centre_x, centre_y), 2, "the knob under the pointer");
  assert_close (pixel (ours, trough.origin.x + 8, middle_y), pixel (stock, trough.origin.x + 8, middle_y), 2,
                "the highlight under the pointer");
  assert_close (pixel (ours, trough.origin.x + trough.size.width - 20, middle_y),
                pixel (stock, trough.origin.x + trough.size.width - 20, middle_y), 2, "the trough under the pointer");
  /* In the dark style the knob is grey until the pointer comes. */
  g_assert_cmphex (pixel (ours, centre_x, centre_y), !=, pixel (before, centre_x, centre_y));
  g_assert_cmphex (pixel (ours, trough.origin.x + 8, middle_y), !=, pixel (before, trough.origin.x + 8, middle_y));
  cairo_surface_destroy (ours);
  cairo_surface_destroy (stock);
  cairo_surface_destroy (before);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* A new value moves the knob on the next frame, without a rounded shape
 * for the renderer to draw; and the slider is still a range. */
static void
test_follows_value (Fixture       *fixture,
                    gconstpointer  data)
{
  cairo_surface_t *before, *after;
  graphene_rect_t was, now;
  GdkPaintable *paintable;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  guint32 knob_color;

  before = render_widget (fixture->ours);
  was = part_box (fixture->ours, "trough/slider");
  knob_color = pixel (before, was.origin.x + was.size.width / 2, was.origin.y + was.size.height / 2);

  gtk_adjustment_set_value (fixture->adjustment, 75);
  wait_frame (fixture);
  after = render_widget (fixture->ours);
  now = part_box (fixture->ours, "trough/slider");
  g_assert_cmpfloat (now.origin.x, >, was.origin.x + was.size.width);
  g_assert_cmphex (pixel (after, now.origin.x + now.size.width / 2, now.origin.y + now.size.height / 2), ==,
                   knob_color);
  /* Where the knob was, the highlight now runs. */
  assert_close (pixel (after, was.origin.x + was.size.width / 2, was.origin.y + was.size.height / 2),
                pixel (before, was.origin.x - 8, was.origin.y + was.size.height / 2), 2, "the old place");

  paintable = gtk_widget_paintable_new (fixture->ours);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (fixture->ours),
                          gtk_widget_get_height (fixture->ours));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_false (node_has_type (node, GSK_ROUNDED_CLIP_NODE));
  gsk_render_node_unref (node);
  g_object_unref (paintable);

  g_assert_true (GTK_IS_RANGE (fixture->ours));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (fixture->ours)), ==,
                   GTK_ACCESSIBLE_ROLE_SLIDER);

  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
}

static cairo_surface_t *
draw_snapshot (GtkSnapshot *snapshot,
               int          width,
               int          height)
{
  GskRenderNode *node = gtk_snapshot_free_to_node (snapshot);
  cairo_surface_t *image = node_picture (node, width, height);

  gsk_render_node_unref (node);
  return image;
}

/* A span of a long bar is, pixel for pixel, a bar of the span's length;
 * at scale 2 too. */
static void
test_pill_span (void)
{
  const GdkRGBA color = { 0.2f, 0.5f, 0.9f, 1.0f };

  for (int scale = 1; scale <= 2; scale++)
    for (int length = 8; length <= 61; length += 53)
      {
        FrPillImage long_bar = { 0 }, short_bar = { 0 };
        GtkSnapshot *snapshot = gtk_snapshot_new ();
        cairo_surface_t *span, *whole;

        gtk_snapshot_scale (snapshot, scale, scale);
        fr_pill_image_prepare (&long_bar, 100, 8, scale, &color, NULL);
        fr_pill_image_append_span (&long_bar, snapshot, 10, 4, 20, length);
        span = draw_snapshot (snapshot, 120 * scale, 16 * scale);

        snapshot = gtk_snapshot_new ();
        gtk_snapshot_scale (snapshot, scale, scale);
        fr_pill_image_prepare (&short_bar, length, 8, scale, &color, NULL);
        fr_pill_image_append (&short_bar, snapshot, 30, 4);
        whole = draw_snapshot (snapshot, 120 * scale, 16 * scale);

        g_assert_cmpmem (cairo_image_surface_get_data (span),
                         cairo_image_surface_get_stride (span) * cairo_image_surface_get_height (span),
                         cairo_image_surface_get_data (whole),
                         cairo_image_surface_get_stride (whole) * cairo_image_surface_get_height (whole));
        /* Something was drawn, round at the ends. */
        g_assert_cmphex (pixel (span, (30 + length / 2) * scale, 8 * scale) >> 24, ==, 0xff);
        g_assert_cmphex (pixel (span, 30 * scale, 4 * scale) >> 24, <, 0x80);
        g_assert_cmphex (pixel (span, 29 * scale, 8 * scale), ==, 0);
        g_assert_cmphex (pixel (span, (30 + length) * scale, 8 * scale), ==, 0);

        /* The image is made again only for another size or colour. */
        {
          cairo_surface_t *image = long_bar.image;

          fr_pill_image_prepare (&long_bar, 100, 8, scale, &color, NULL);
          g_assert_true (long_bar.image == image);
          fr_pill_image_prepare (&long_bar, 101, 8, scale, &color, NULL);
          g_assert_cmpint (cairo_image_surface_get_width (long_bar.image), ==, 101 * scale);
        }
        fr_pill_image_clear (&long_bar);
        fr_pill_image_clear (&short_bar);
        cairo_surface_destroy (span);
        cairo_surface_destroy (whole);
      }
}

int
main (int   argc,
      char *argv[])
{
  /* What these widgets do differently is for GTK's cairo renderer. */
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  app_test_init (&argc, &argv);
  adw_init ();
  g_test_add ("/app/weight-scale/looks-like-libadwaita-light", Fixture,
              GINT_TO_POINTER (ADW_COLOR_SCHEME_FORCE_LIGHT), fixture_set_up, test_looks_like_libadwaita,
              fixture_tear_down);
  g_test_add ("/app/weight-scale/looks-like-libadwaita-dark", Fixture,
              GINT_TO_POINTER (ADW_COLOR_SCHEME_FORCE_DARK), fixture_set_up, test_looks_like_libadwaita,
              fixture_tear_down);
  g_test_add ("/app/weight-scale/looks-like-libadwaita-high-contrast", Fixture,
              GINT_TO_POINTER (ADW_COLOR_SCHEME_FORCE_LIGHT), fixture_set_up_high_contrast,
              test_looks_like_libadwaita, fixture_tear_down_high_contrast);
  g_test_add ("/app/weight-scale/right-to-left", Fixture, NULL, fixture_set_up_rtl, test_right_to_left,
              fixture_tear_down);
  g_test_add ("/app/weight-scale/hover", Fixture, NULL, fixture_set_up, test_hover, fixture_tear_down);
  g_test_add ("/app/weight-scale/focus-ring", Fixture, NULL, fixture_set_up, test_focus_ring, fixture_tear_down);
  g_test_add ("/app/weight-scale/follows-value", Fixture, NULL, fixture_set_up, test_follows_value,
              fixture_tear_down);
  g_test_add_func ("/app/pill-image/span", test_pill_span);
  return app_test_finish (g_test_run ());
}
