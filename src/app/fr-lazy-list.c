/* fr-lazy-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include "fr-lazy-list.h"

/* What a row not built yet measures when no row of its kind has been. */
#define DEFAULT_ROW_HEIGHT 48

struct _FrLazyList
{
  GtkWidget parent_instance;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint hscroll_policy : 1;
  guint vscroll_policy : 1;

  guint n_rows;
  GtkWidget **rows;            /* n_rows, NULL where not built */
  guint *kinds;
  int *heights;                /* of the built rows at the last width */
  GArray *kind_heights;        /* int, by kind; -1 while unknown */
  FrLazyListBuildFunc build;
  gpointer user_data;
  int width;
};

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

G_DEFINE_FINAL_TYPE_WITH_CODE (FrLazyList, fr_lazy_list, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static int
row_height (FrLazyList *self,
            guint       index)
{
  if (self->rows[index] != NULL && self->heights[index] >= 0)
    return self->heights[index];
  if (self->kinds[index] < self->kind_heights->len &&
      g_array_index (self->kind_heights, int, self->kinds[index]) >= 0)
    return g_array_index (self->kind_heights, int, self->kinds[index]);
  for (guint k = 0; k < self->kind_heights->len; k++)
    if (g_array_index (self->kind_heights, int, k) >= 0)
      return g_array_index (self->kind_heights, int, k);
  return DEFAULT_ROW_HEIGHT;
}

static void
measure_row (FrLazyList *self,
             guint       index,
             int         width)
{
  int height;

  gtk_widget_measure (self->rows[index], GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  self->heights[index] = height;
  if (self->kinds[index] >= self->kind_heights->len)
    {
      guint old = self->kind_heights->len;

      g_array_set_size (self->kind_heights, self->kinds[index] + 1);
      for (guint k = old; k < self->kind_heights->len; k++)
        g_array_index (self->kind_heights, int, k) = -1;
    }
  g_array_index (self->kind_heights, int, self->kinds[index]) = height;
}

static int
row_offset (FrLazyList *self,
            guint       index)
{
  int offset = 0;

  for (guint i = 0; i < index; i++)
    offset += row_height (self, i);
  return offset;
}

static int
content_height (FrLazyList *self)
{
  return row_offset (self, self->n_rows);
}

GtkWidget *
fr_lazy_list_ensure_row (FrLazyList *self,
                         guint       index)
{
  GtkWidget *next = NULL;

  g_return_val_if_fail (FR_IS_LAZY_LIST (self), NULL);
  g_return_val_if_fail (index < self->n_rows, NULL);

  if (self->rows[index] != NULL)
    return self->rows[index];
  self->rows[index] = self->build (index, self->user_data);
  /* Children in the rows' order, which is the focus order. */
  for (guint i = index + 1; i < self->n_rows && next == NULL; i++)
    next = self->rows[i];
  gtk_widget_insert_before (self->rows[index], GTK_WIDGET (self), next);
  if (self->width > 0)
    measure_row (self, index, self->width);
  return self->rows[index];
}

GtkWidget *
fr_lazy_list_get_row (FrLazyList *self,
                      guint       index)
{
  g_return_val_if_fail (FR_IS_LAZY_LIST (self), NULL);
  return index < self->n_rows ? self->rows[index] : NULL;
}

guint
fr_lazy_list_get_n_rows (FrLazyList *self)
{
  g_return_val_if_fail (FR_IS_LAZY_LIST (self), 0);
  return self->n_rows;
}

static void
drop_rows (FrLazyList *self)
{
  for (guint i = 0; i < self->n_rows; i++)
    g_clear_pointer (&self->rows[i], gtk_widget_unparent);
  g_clear_pointer (&self->rows, g_free);
  g_clear_pointer (&self->kinds, g_free);
  g_clear_pointer (&self->heights, g_free);
  self->n_rows = 0;
}

void
fr_lazy_list_set_rows (FrLazyList          *self,
                       guint                n_rows,
                       const guint         *kinds,
                       FrLazyListBuildFunc  build,
                       gpointer             user_data)
{
  g_return_if_fail (FR_IS_LAZY_LIST (self));
  g_return_if_fail (n_rows == 0 || (kinds != NULL && build != NULL));

  drop_rows (self);
  self->n_rows = n_rows;
  self->rows = g_new0 (GtkWidget *, n_rows);
  self->kinds = g_memdup2 (kinds, sizeof (guint) * n_rows);
  self->heights = g_new (int, n_rows);
  for (guint i = 0; i < n_rows; i++)
    self->heights[i] = -1;
  self->build = build;
  self->user_data = user_data;
  /* The first row is always in view, and gives the list its width. */
  if (n_rows > 0)
    fr_lazy_list_ensure_row (self, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Builds the rows that [top, top + height) shows; whether it built any. */
static gboolean
build_rows_in_view (FrLazyList *self,
                    int         top,
                    int         height)
{
  gboolean built = FALSE;
  int offset = 0;

  for (guint i = 0; i < self->n_rows && offset < top + height; i++)
    {
      int h = row_height (self, i);

      if (offset + h > top && self->rows[i] == NULL)
        {
          fr_lazy_list_ensure_row (self, i);
          built = TRUE;
        }
      /* Once built, its own height rather than its kind's. */
      offset += row_height (self, i);
    }
  return built;
}

static void
fr_lazy_list_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  FrLazyList *self = FR_LAZY_LIST (widget);

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      for (guint i = 0; i < self->n_rows; i++)
        if (self->rows[i] != NULL)
          {
            int row_min, row_nat;

            gtk_widget_measure (self->rows[i], orientation, -1, &row_min, &row_nat, NULL, NULL);
            *minimum = MAX (*minimum, row_min);
            *natural = MAX (*natural, row_nat);
          }
    }
  else
    {
      for (guint i = 0; i < self->n_rows; i++)
        if (self->rows[i] != NULL && for_size >= 0)
          measure_row (self, i, for_size);
      *minimum = *natural = content_height (self);
    }
}

static void
fr_lazy_list_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  FrLazyList *self = FR_LAZY_LIST (widget);
  double value;
  int total;

  self->width = width;
  for (guint i = 0; i < self->n_rows; i++)
    if (self->rows[i] != NULL)
      measure_row (self, i, width);
  value = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
  /* Rows built here take their real height, which may bring others into
   * view: twice is enough, as every row of a kind measures alike. */
  for (int pass = 0; pass < 2; pass++)
    {
      total = content_height (self);
      value = CLAMP (value, 0, MAX (total - height, 0));
      if (!build_rows_in_view (self, (int) value, height))
        break;
    }
  total = content_height (self);
  value = CLAMP (value, 0, MAX (total - height, 0));
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment, value, 0, MAX (total, height),
                              height * 0.1, height * 0.9, height);
  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, 0, 0, width, width * 0.1, width * 0.9, width);
  for (guint i = 0, offset = 0; i < self->n_rows; offset += (guint) row_height (self, i), i++)
    if (self->rows[i] != NULL)
      gtk_widget_size_allocate (self->rows[i],
                                &(GtkAllocation) { 0, (int) offset - (int) value, width, row_height (self, i) },
                                -1);
}

/* The index of a built row's widget; n_rows for any other widget. */
static guint
row_index (FrLazyList *self,
           GtkWidget  *row)
{
  guint index = 0;

  while (index < self->n_rows && self->rows[index] != row)
    index++;
  return index;
}

static void
scroll_to_row (FrLazyList *self,
               GtkWidget  *row)
{
  double value, page;
  int offset, height;
  guint index = row_index (self, row);

  if (self->vadjustment == NULL || index == self->n_rows)
    return;
  offset = row_offset (self, index);
  height = row_height (self, index);
  value = gtk_adjustment_get_value (self->vadjustment);
  page = gtk_adjustment_get_page_size (self->vadjustment);
  if (offset < value)
    gtk_adjustment_set_value (self->vadjustment, offset);
  else if (offset + height > value + page)
    gtk_adjustment_set_value (self->vadjustment, offset + height - page);
}

/* The focus keeps within the row that has it, then moves row by row,
 * building the rows it reaches. */
static gboolean
fr_lazy_list_focus (GtkWidget        *widget,
                    GtkDirectionType  direction)
{
  FrLazyList *self = FR_LAZY_LIST (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  gboolean forward = direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_DOWN;
  int step = forward ? 1 : -1;
  int start;

  if (direction == GTK_DIR_LEFT || direction == GTK_DIR_RIGHT)
    return focus_child != NULL && gtk_widget_child_focus (focus_child, direction);
  if (focus_child != NULL)
    {
      if (gtk_widget_child_focus (focus_child, direction))
        return TRUE;
      start = (int) row_index (self, focus_child) + step;
    }
  else
    start = forward ? 0 : (int) self->n_rows - 1;
  for (int i = start; i >= 0 && (guint) i < self->n_rows; i += step)
    if (gtk_widget_child_focus (fr_lazy_list_ensure_row (self, (guint) i), direction))
      return TRUE;
  return FALSE;
}

static void
fr_lazy_list_set_focus_child (GtkWidget *widget,
                              GtkWidget *child)
{
  GTK_WIDGET_CLASS (fr_lazy_list_parent_class)->set_focus_child (widget, child);
  if (child != NULL)
    scroll_to_row (FR_LAZY_LIST (widget), child);
}

static void
set_adjustment (FrLazyList     *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, gtk_widget_queue_allocate, self);
  g_clear_object (slot);
  *slot = adjustment != NULL ? g_object_ref_sink (adjustment) : NULL;
  if (*slot != NULL)
    g_signal_connect_swapped (*slot, "value-changed", G_CALLBACK (gtk_widget_queue_allocate), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
fr_lazy_list_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FrLazyList *self = FR_LAZY_LIST (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fr_lazy_list_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  FrLazyList *self = FR_LAZY_LIST (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fr_lazy_list_dispose (GObject *object)
{
  FrLazyList *self = FR_LAZY_LIST (object);

  drop_rows (self);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  G_OBJECT_CLASS (fr_lazy_list_parent_class)->dispose (object);
}

static void
fr_lazy_list_finalize (GObject *object)
{
  FrLazyList *self = FR_LAZY_LIST (object);

  g_array_unref (self->kind_heights);

  G_OBJECT_CLASS (fr_lazy_list_parent_class)->finalize (object);
}

static void
fr_lazy_list_class_init (FrLazyListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = fr_lazy_list_get_property;
  object_class->set_property = fr_lazy_list_set_property;
  object_class->dispose = fr_lazy_list_dispose;
  object_class->finalize = fr_lazy_list_finalize;
  widget_class->measure = fr_lazy_list_measure;
  widget_class->size_allocate = fr_lazy_list_size_allocate;
  widget_class->focus = fr_lazy_list_focus;
  widget_class->set_focus_child = fr_lazy_list_set_focus_child;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");
  gtk_widget_class_set_css_name (widget_class, "lazylist");
}

static void
fr_lazy_list_init (FrLazyList *self)
{
  self->kind_heights = g_array_new (FALSE, FALSE, sizeof (int));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
fr_lazy_list_new (void)
{
  return g_object_new (FR_TYPE_LAZY_LIST, NULL);
}
