/* fr-timeline-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-render"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fr-timeline-render.h"
#include "fr-chart-data.h"
#include "fr-date.h"
#include "fr-export.h"
#include "fr-format.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#define MARGIN_X 10.0
#define AXIS_HEIGHT 22.0
#define MIN_TICK_SPACING 56.0

typedef enum {
  LANE_NATO,
  LANE_EU,
  LANE_TREATY,
  LANE_NEUTRALITY,
  LANE_WAR,
  LANE_OTHER,
  N_LANES
} Lane;

static const char *const lane_categories[N_LANES] = {
  "nato", "eu", "treaty", "neutrality", "war", NULL,
};

typedef struct {
  double left, right;          /* plot x range */
  double top, bottom;          /* lanes y range */
  int n_used;
  int row[N_LANES];            /* lane → row, -1 when unused */
  double lane_height;
  double radius;
} Geometry;

static Lane
lane_for_category (const char *category)
{
  for (int i = 0; i < LANE_OTHER; i++)
    if (g_strcmp0 (category, lane_categories[i]) == 0)
      return (Lane) i;
  return LANE_OTHER;
}

const char *
fr_timeline_category_label (const char *category)
{
  switch (lane_for_category (category))
    {
    case LANE_NATO: return _("NATO");
    case LANE_EU: return _("EU");
    case LANE_TREATY: return _("Treaties");
    case LANE_NEUTRALITY: return _("Neutrality");
    case LANE_WAR: return _("War");
    case LANE_OTHER:
    case N_LANES:
    default:
      return _("Other");
    }
}

void
fr_timeline_scene_init (FrTimelineScene *scene,
                        const FrModel   *model)
{
  g_return_if_fail (scene != NULL);

  memset (scene, 0, sizeof *scene);
  scene->model = model;
  scene->start_year = FR_TIMELINE_DEFAULT_START_YEAR;
  scene->end_year = FR_TIMELINE_DEFAULT_END_YEAR;
  scene->today = fr_day_today ();
  scene->current_day = scene->today;
}

static void
visible_range (const FrTimelineScene *scene,
               double                *start,
               double                *end)
{
  *start = scene->start_year;
  *end = scene->end_year;
  if (!isfinite (*start) || !isfinite (*end) || *end - *start < 1.0 / 365.0)
    {
      *start = FR_TIMELINE_DEFAULT_START_YEAR;
      *end = FR_TIMELINE_DEFAULT_END_YEAR;
    }
}

static void
compute_geometry (const FrTimelineScene *scene,
                  double                 width,
                  double                 height,
                  Geometry              *geometry)
{
  gboolean used[N_LANES] = { FALSE };

  geometry->left = MARGIN_X;
  geometry->right = MAX (width - MARGIN_X, geometry->left + 1);
  geometry->top = 4.0;
  geometry->bottom = MAX (height - AXIS_HEIGHT, geometry->top + 1);

  for (guint i = 0; scene->model != NULL && scene->model->events != NULL && i < scene->model->events->len; i++)
    {
      FrEvent *event = g_ptr_array_index (scene->model->events, i);
      used[lane_for_category (event->category)] = TRUE;
    }
  geometry->n_used = 0;
  for (int i = 0; i < N_LANES; i++)
    geometry->row[i] = used[i] ? geometry->n_used++ : -1;
  geometry->lane_height = (geometry->bottom - geometry->top) / MAX (geometry->n_used, 1);
  geometry->radius = CLAMP (geometry->lane_height * 0.32, 2.5, 7.0);
}

double
fr_timeline_x_for_day (const FrTimelineScene *scene,
                       double                 width,
                       gint32                 day)
{
  double start, end, left = MARGIN_X, right = MAX (width - MARGIN_X, MARGIN_X + 1);

  g_return_val_if_fail (scene != NULL, 0);
  visible_range (scene, &start, &end);
  return left + (fr_day_to_year (day) - start) / (end - start) * (right - left);
}

gint32
fr_timeline_day_at_x (const FrTimelineScene *scene,
                      double                 width,
                      double                 x)
{
  double start, end, left = MARGIN_X, right = MAX (width - MARGIN_X, MARGIN_X + 1);
  double year;

  g_return_val_if_fail (scene != NULL, 0);
  visible_range (scene, &start, &end);
  year = start + (x - left) / (right - left) * (end - start);
  return fr_day_from_year (CLAMP (year, 1.0, 9999.0));
}

static double
lane_center (const Geometry *geometry,
             Lane            lane)
{
  return geometry->top + (geometry->row[lane] + 0.5) * geometry->lane_height;
}

static FrColor
lane_color (const FrTheme *theme,
            Lane           lane)
{
  FrColor color;

  switch (lane)
    {
    case LANE_NATO:
      return fr_theme_alignment_color (theme, FR_ALIGNMENT_NATO);
    case LANE_EU:
      fr_color_parse ("#b8860b", &color);   /* dark gold: the EU's stars, readable on white */
      return color;
    case LANE_TREATY:
      return fr_theme_option_color (2);     /* bluish green */
    case LANE_NEUTRALITY:
      return fr_theme_option_color (3);     /* reddish purple */
    case LANE_WAR:
      return fr_theme_option_color (4);     /* vermillion */
    case LANE_OTHER:
    case N_LANES:
    default:
      return theme->muted;
    }
}

/* One distinct shape per lane, so the categories read without colour. */
static void
marker_path (cairo_t *cr,
             Lane     lane,
             double   x,
             double   y,
             double   r)
{
  /* Markers of a lane share one path: no line from the last one. */
  cairo_new_sub_path (cr);
  switch (lane)
    {
    case LANE_NATO:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case LANE_EU:
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case LANE_TREATY:
      cairo_move_to (cr, x, y - r * 1.15);
      cairo_line_to (cr, x + r * 1.15, y);
      cairo_line_to (cr, x, y + r * 1.15);
      cairo_line_to (cr, x - r * 1.15, y);
      cairo_close_path (cr);
      break;
    case LANE_NEUTRALITY:
      for (int i = 0; i < 6; i++)
        {
          double angle = G_PI / 6 + i * G_PI / 3;
          if (i == 0)
            cairo_move_to (cr, x + r * cos (angle), y + r * sin (angle));
          else
            cairo_line_to (cr, x + r * cos (angle), y + r * sin (angle));
        }
      cairo_close_path (cr);
      break;
    case LANE_WAR:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.1, y + r * 0.8);
      cairo_line_to (cr, x - r * 1.1, y + r * 0.8);
      cairo_close_path (cr);
      break;
    case LANE_OTHER:
    case N_LANES:
    default:
      cairo_rectangle (cr, x - r * 0.35, y - r * 1.1, r * 0.7, r * 2.2);
      break;
    }
}

/* Whether @event is the one @id names (the hovered or the selected one). */
static gboolean
event_is (const FrEvent *event,
          const char    *id)
{
  return id != NULL && g_strcmp0 (event->id, id) == 0;
}

static PangoLayout *
make_layout (cairo_t       *cr,
             const FrTheme *theme,
             double         size,
             gboolean       bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, theme->font_family);
  pango_font_description_set_absolute_size (desc, size * theme->font_scale * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  return layout;
}

/* Whether [a0, a1] and [b0, b1] come within a few pixels of each other;
 * an empty second span (b1 <= b0) meets nothing. */
static gboolean
spans_overlap (double a0,
               double a1,
               double b0,
               double b1)
{
  return b1 > b0 && a1 + 4 > b0 && a0 - 4 < b1;
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       align)   /* 0 left, 0.5 centre, 1 right of x */
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w * align, y);
  fr_export_show_layout (cr, layout);
}

/* Muted text from @x, vertically centred on @y, on a rounded plate of the
 * background. */
static void
show_text_on_plate (cairo_t       *cr,
                    PangoLayout   *layout,
                    const char    *text,
                    double         x,
                    double         y,
                    const FrTheme *theme)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  y -= h / 2.0;
  fr_color_set_source (cr, fr_color_with_alpha (theme->background, 0.85));
  fr_rounded_rectangle (cr, x - 2, y, w + 4, h, 3.0);
  cairo_fill (cr);
  fr_color_set_source (cr, theme->muted);
  cairo_move_to (cr, x, y);
  fr_export_show_layout (cr, layout);
}

static double
nice_year_step (double years_visible,
                double pixels)
{
  static const double steps[] = { 1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (pixels / years_visible * steps[i] >= MIN_TICK_SPACING)
      return steps[i];
  return steps[G_N_ELEMENTS (steps) - 1];
}

static void
draw_hatch (cairo_t *cr,
            double   x0,
            double   y0,
            double   x1,
            double   y1,
            double   spacing)
{
  double h = y1 - y0;

  for (double x = x0 - h; x < x1; x += spacing)
    {
      cairo_move_to (cr, x, y1);
      cairo_line_to (cr, x + h, y0);
    }
}

static const FrOption *
find_option (const FrModel *model,
             const char    *option_id)
{
  if (model == NULL || option_id == NULL)
    return NULL;
  return fr_model_find_option (model, option_id);
}

void
fr_timeline_render (cairo_t               *cr,
                    const FrTimelineScene *scene,
                    double                 width,
                    double                 height,
                    const FrTheme         *theme)
{
  Geometry g;
  double start, end, step;
  double today_x = 0, today_label_left = 0, today_label_right = 0;
  gboolean today_shown = FALSE;
  double badge_left = 0, badge_right = 0;
  int badge_height = 0;
  g_autofree char *badge_text = NULL;
  g_autoptr(PangoLayout) small = NULL;
  g_autoptr(PangoLayout) label = NULL;
  const FrModel *model;
  const FrEvent *highlight = NULL;
  g_autofree Lane *lanes = NULL;   /* each event's */
  guint n_events;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (scene != NULL);
  if (theme == NULL)
    theme = fr_theme_get (FR_THEME_LIGHT);
  if (!(width > 2 * MARGIN_X) || !(height > AXIS_HEIGHT))
    return;

  model = scene->model;
  visible_range (scene, &start, &end);
  compute_geometry (scene, width, height, &g);
  small = make_layout (cr, theme, 10.0, FALSE);
  label = make_layout (cr, theme, 11.0, TRUE);

  cairo_save (cr);
  fr_color_set_source (cr, theme->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  cairo_rectangle (cr, g.left, 0, g.right - g.left, height);
  cairo_clip (cr);

  /* The projection band: everything after the ceasefire is what the
   * selected option would make of the map, not history. */
  if (model != NULL && model->ceasefire_day > 0)
    {
      double x = fr_timeline_x_for_day (scene, width, model->ceasefire_day);
      const FrOption *option = find_option (model, scene->option_id);
      /* The option's colour in every chart. */
      FrColor color = option != NULL ? fr_chart_option_color (model, option->id) : theme->muted;
      if (x < g.right)
        {
          double x0 = MAX (x, g.left);

          fr_color_set_source (cr, fr_color_with_alpha (color, 0.10));
          cairo_rectangle (cr, x0, g.top, g.right - x0, g.bottom - g.top);
          cairo_fill (cr);
          cairo_save (cr);
          cairo_rectangle (cr, x0, g.top, g.right - x0, g.bottom - g.top);
          cairo_clip (cr);
          draw_hatch (cr, x0, g.top, g.right, g.bottom, 8.0);
          fr_color_set_source (cr, fr_color_with_alpha (color, 0.30));
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
          cairo_restore (cr);

          cairo_save (cr);
          cairo_set_dash (cr, (double[]) { 4.0, 3.0 }, 2, 0);
          cairo_set_line_width (cr, 1.5);
          fr_color_set_source (cr, color);
          cairo_move_to (cr, x + 0.5, g.top);
          cairo_line_to (cr, x + 0.5, g.bottom);
          cairo_stroke (cr);
          cairo_restore (cr);

          {
            const char *name = option == NULL ? NULL : option->name != NULL ? option->name : option->id;
            g_autofree char *text = name != NULL
              /* TRANSLATORS: the part of the timeline after the ceasefire; %s is an option's name */
              ? g_strdup_printf (_("Projection: %s"), name)
              : g_strdup (_("Projection: no option selected"));
            double room = g.right - x0 - 8;
            int tw, th;

            /* Cut short ("Projection: no…") it said little: where it does
             * not fit, the option's name alone, or nothing when there is
             * no option (the hatching and the Projection choice say so). */
            pango_layout_set_text (small, text, -1);
            pango_layout_get_pixel_size (small, &tw, &th);
            if (tw > room)
              g_free (g_steal_pointer (&text));
            if (text == NULL && name != NULL)
              text = g_strdup (name);
            if (text != NULL && room >= 1)
              {
                fr_color_set_source (cr, theme->foreground);
                pango_layout_set_width (small, (int) (room * PANGO_SCALE));
                pango_layout_set_ellipsize (small, PANGO_ELLIPSIZE_END);
                show_text (cr, small, text, x0 + 4, g.top, 0);
                pango_layout_set_width (small, -1);
                pango_layout_set_ellipsize (small, PANGO_ELLIPSIZE_NONE);
              }
          }
        }
    }

  if (scene->today > 0)
    {
      today_x = fr_timeline_x_for_day (scene, width, scene->today);
      today_shown = today_x >= g.left && today_x <= g.right;
    }

  /* Under the axis, among the years: the scrubber's badge with its day,
   * and today's name by its line (in the lanes it sat among the most
   * recent events). The badge names today itself when it stands there.
   * The years keep clear of both. */
  if (scene->current_day > 0)
    {
      g_autofree char *day = fr_format_day (scene->current_day);
      double x = fr_timeline_x_for_day (scene, width, scene->current_day);
      int w, h;

      /* TRANSLATORS: the timeline's current day when it is today; %s is the date */
      badge_text = scene->current_day == scene->today ? g_strdup_printf (_("Today, %s"), day) : g_steal_pointer (&day);
      pango_layout_set_text (label, badge_text, -1);
      pango_layout_get_pixel_size (label, &w, &h);
      badge_left = CLAMP (x - w / 2.0 - 5, g.left, g.right - w - 10);
      badge_right = badge_left + w + 10;
      badge_height = h;
    }
  if (today_shown && scene->today != scene->current_day)
    {
      int tw, th;

      pango_layout_set_text (small, _("Today"), -1);
      pango_layout_get_pixel_size (small, &tw, &th);
      /* Before the line, or after it where the strip begins too soon. */
      today_label_left = today_x - 3 - tw >= g.left ? today_x - 3 - tw : today_x + 3;
      today_label_right = today_label_left + tw;
    }

  /* Grid and axis. */
  step = nice_year_step (end - start, g.right - g.left);
  cairo_set_line_width (cr, 1.0);
  for (double year = ceil (start / step) * step; year <= end; year += step)
    {
      double x = g.left + (year - start) / (end - start) * (g.right - g.left);
      char text[16];

      fr_color_set_source (cr, theme->grid);
      cairo_move_to (cr, round (x) + 0.5, g.top);
      cairo_line_to (cr, round (x) + 0.5, g.bottom + 4);
      cairo_stroke (cr);
      g_snprintf (text, sizeof text, "%d", (int) year);
      fr_color_set_source (cr, theme->muted);
      {
        int tw, th;
        double cx;

        /* Keep the years at either end whole, and clear of today's name. */
        pango_layout_set_text (small, text, -1);
        pango_layout_get_pixel_size (small, &tw, &th);
        cx = CLAMP (x, g.left + tw / 2.0, g.right - tw / 2.0);
        if (!spans_overlap (cx - tw / 2.0, cx + tw / 2.0, today_label_left, today_label_right) &&
            !spans_overlap (cx - tw / 2.0, cx + tw / 2.0, badge_left, badge_right))
          show_text (cr, small, text, cx, g.bottom + 5, 0.5);
      }
    }
  fr_color_set_source (cr, theme->muted);
  cairo_move_to (cr, g.left, round (g.bottom) + 0.5);
  cairo_line_to (cr, g.right, round (g.bottom) + 0.5);
  cairo_stroke (cr);


  /* Today. */
  if (today_shown)
    {
      cairo_save (cr);
      cairo_set_dash (cr, (double[]) { 2.0, 2.0 }, 2, 0);
      fr_color_set_source (cr, theme->foreground);
      cairo_move_to (cr, round (today_x) + 0.5, g.top);
      cairo_line_to (cr, round (today_x) + 0.5, g.bottom);
      cairo_stroke (cr);
      cairo_restore (cr);
      if (today_label_right > today_label_left)
        {
          fr_color_set_source (cr, theme->muted);
          show_text (cr, small, _("Today"), today_label_left, g.bottom + 5, 0.0);
        }
    }

  /* Events: each lane's markers filled and outlined as one path (two
   * drawing operations a lane instead of two a marker), then the hovered
   * or selected one ringed on top. */
  n_events = model != NULL && model->events != NULL ? model->events->len : 0;
  lanes = g_new (Lane, MAX (n_events, 1));
  for (guint i = 0; i < n_events; i++)
    lanes[i] = lane_for_category (((FrEvent *) g_ptr_array_index (model->events, i))->category);
  for (int lane = 0; lane < N_LANES; lane++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < n_events; i++)
        {
          FrEvent *event = g_ptr_array_index (model->events, i);
          double x, r;

          if (lanes[i] != (Lane) lane)
            continue;
          x = fr_timeline_x_for_day (scene, width, event->day);
          r = g.radius * (event_is (event, scene->hovered_event) || event_is (event, scene->selected_event) ? 1.4 : 1.0);
          if (x < g.left - r * 2 || x > g.right + r * 2)
            continue;
          marker_path (cr, (Lane) lane, x, lane_center (&g, (Lane) lane), r);
          any = TRUE;
        }
      if (!any)
        continue;
      fr_color_set_source (cr, lane_color (theme, (Lane) lane));
      cairo_fill_preserve (cr);
      fr_color_set_source (cr, theme->background);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
    }
  for (guint i = 0; i < n_events; i++)
    {
      FrEvent *event = g_ptr_array_index (model->events, i);
      double x = fr_timeline_x_for_day (scene, width, event->day);
      gboolean hovered = event_is (event, scene->hovered_event);
      gboolean selected = event_is (event, scene->selected_event);
      double r = g.radius * 1.4;

      if (!(hovered || selected) || x < g.left - r * 2 || x > g.right + r * 2)
        continue;
      marker_path (cr, lanes[i], x, lane_center (&g, lanes[i]), r + 2.5);
      fr_color_set_source (cr, theme->accent);
      cairo_set_line_width (cr, selected ? 2.0 : 1.5);
      cairo_stroke (cr);
      if (highlight == NULL || hovered)
        highlight = event;
    }

  /* Lane names at the left edge of each lane, on a plate of the background
   * over the markers: longer names (in Ukrainian, say) reach into the first
   * years and must stay readable there. */
  for (int lane = 0; lane < N_LANES; lane++)
    if (g.row[lane] >= 0 && g.lane_height >= 12)
      show_text_on_plate (cr, small, fr_timeline_category_label (lane_categories[lane]),
                          g.left + 2, lane_center (&g, (Lane) lane), theme);

  /* Scrubber. */
  if (scene->current_day > 0)
    {
      double x = fr_timeline_x_for_day (scene, width, scene->current_day);

      fr_color_set_source (cr, theme->accent);
      cairo_set_line_width (cr, 2.0);
      cairo_move_to (cr, x, 0);
      cairo_line_to (cr, x, g.bottom);
      cairo_stroke (cr);

      /* The label layout still holds the badge's text, measured above. */
      {
        double by = g.bottom + 1;
        double bh = MIN (badge_height + 2, height - by);
        fr_color_set_source (cr, theme->accent);
        cairo_rectangle (cr, badge_left, by, badge_right - badge_left, bh);
        cairo_fill (cr);
        fr_color_set_source (cr, theme->background);
        cairo_move_to (cr, badge_left + 5, by + 1);
        fr_export_show_layout (cr, label);
      }
    }

  /* The title of the hovered or selected event, beside its marker. */
  if (highlight != NULL && highlight->title != NULL)
    {
      double x = fr_timeline_x_for_day (scene, width, highlight->day);
      double y = lane_center (&g, lane_for_category (highlight->category));
      g_autofree char *date = fr_format_day (highlight->day);
      g_autofree char *text = g_strdup_printf ("%s — %s", highlight->title, date);
      int w, h;

      pango_layout_set_text (label, text, -1);
      pango_layout_get_pixel_size (label, &w, &h);
      {
        double gap = g.radius * 1.4 + 6;
        double bx = x + gap + w + 8 < g.right ? x + gap : x - gap - w - 8;
        double by = CLAMP (y - h / 2.0 - 2, 0, height - h - 4);
        fr_color_set_source (cr, fr_color_with_alpha (theme->background, 0.92));
        cairo_rectangle (cr, bx, by, w + 8, h + 4);
        cairo_fill_preserve (cr);
        fr_color_set_source (cr, theme->grid);
        cairo_set_line_width (cr, 1.0);
        cairo_stroke (cr);
        fr_color_set_source (cr, theme->foreground);
        cairo_move_to (cr, bx + 4, by + 2);
        fr_export_show_layout (cr, label);
      }
    }

  cairo_restore (cr);
}

const FrEvent *
fr_timeline_hit_test (const FrTimelineScene *scene,
                      double                 width,
                      double                 height,
                      double                 x,
                      double                 y)
{
  Geometry g;
  const FrEvent *best = NULL;
  double best_distance = G_MAXDOUBLE;

  g_return_val_if_fail (scene != NULL, NULL);
  if (scene->model == NULL || scene->model->events == NULL || !(width > 2 * MARGIN_X))
    return NULL;

  compute_geometry (scene, width, height, &g);
  for (guint i = 0; i < scene->model->events->len; i++)
    {
      const FrEvent *event = g_ptr_array_index (scene->model->events, i);
      double ex = fr_timeline_x_for_day (scene, width, event->day);
      double ey = lane_center (&g, lane_for_category (event->category));
      double distance = hypot (ex - x, ey - y);

      if (ex < g.left - g.radius || ex > g.right + g.radius)
        continue;
      if (distance <= g.radius + 3.0 && distance < best_distance)
        {
          best = event;
          best_distance = distance;
        }
    }
  return best;
}
