/* fr-repaint-bin.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bin whose child is repainted as one piece.
 *
 * GTK works out what to repaint by comparing each frame's render nodes
 * with the last, and past 30 changed rectangles it gives up and repaints
 * the whole of the container it is comparing. A weight drag changes many
 * small things at once: the sidebar's scores and bars, every slider, the
 * charts' bands, and together they passed that limit, so the whole window
 * was repainted on every tick. Drawn through this bin, a change anywhere
 * in the child counts as one rectangle, the child's, and the rest of the
 * window keeps its exact damage. That is how GTK's cairo renderer works;
 * the GL renderers get the child's nodes as they are.
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include "fr-image-node.h"
#include "fr-repaint-bin.h"

struct _FrRepaintBin
{
  GtkWidget parent_instance;

  GtkWidget *child;
};

static void fr_repaint_bin_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FrRepaintBin, fr_repaint_bin, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, fr_repaint_bin_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

static void
fr_repaint_bin_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  FrRepaintBin *self = FR_REPAINT_BIN (widget);
  GtkSnapshot *inner;
  GskRenderNode *content;
  GskRenderNode *piece;
  graphene_rect_t bounds;
  cairo_t *cr;

  if (self->child == NULL)
    return;
  inner = gtk_snapshot_new ();
  gtk_widget_snapshot_child (widget, self->child, inner);
  content = gtk_snapshot_free_to_node (inner);
  if (content == NULL)
    return;
  /* The GL renderers draw the nodes as they are; a cairo node would be
   * replayed into an image and uploaded whenever it is new. */
  if (!fr_widget_draws_with_cairo (widget))
    {
      gtk_snapshot_append_node (snapshot, content);
      gsk_render_node_unref (content);
      return;
    }
  /* A cairo node is compared with the last as a whole: any difference
   * repaints its bounds, once. */
  gsk_render_node_get_bounds (content, &bounds);
  piece = gsk_cairo_node_new (&bounds);
  cr = gsk_cairo_node_get_draw_context (piece);
  gsk_render_node_draw (content, cr);
  cairo_destroy (cr);
  gtk_snapshot_append_node (snapshot, piece);
  gsk_render_node_unref (piece);
  gsk_render_node_unref (content);
}

static void
fr_repaint_bin_dispose (GObject *object)
{
  FrRepaintBin *self = FR_REPAINT_BIN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (fr_repaint_bin_parent_class)->dispose (object);
}

static void
fr_repaint_bin_add_child (GtkBuildable *buildable,
                          GtkBuilder   *builder,
                          GObject      *child,
                          const char   *type)
{
  if (GTK_IS_WIDGET (child))
    fr_repaint_bin_set_child (FR_REPAINT_BIN (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
fr_repaint_bin_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = fr_repaint_bin_add_child;
}

static void
fr_repaint_bin_class_init (FrRepaintBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fr_repaint_bin_dispose;
  widget_class->snapshot = fr_repaint_bin_snapshot;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fr_repaint_bin_init (FrRepaintBin *self)
{
}

GtkWidget *
fr_repaint_bin_new (void)
{
  return g_object_new (FR_TYPE_REPAINT_BIN, NULL);
}

void
fr_repaint_bin_set_child (FrRepaintBin *self,
                          GtkWidget    *child)
{
  g_return_if_fail (FR_IS_REPAINT_BIN (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
}

GtkWidget *
fr_repaint_bin_get_child (FrRepaintBin *self)
{
  g_return_val_if_fail (FR_IS_REPAINT_BIN (self), NULL);
  return self->child;
}
