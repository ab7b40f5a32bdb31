/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-flow-layout.h"

struct _AkFlowLayout
{
  GtkLayoutManager parent_instance;

  int column_spacing;
  int row_spacing;
};

G_DEFINE_FINAL_TYPE (AkFlowLayout, ak_flow_layout, GTK_TYPE_LAYOUT_MANAGER)

/* A child's width on a line @width wide: its natural width, but no more
 * than the line (a long word then wraps inside its label). */
static int
child_width (GtkWidget *child,
             int        width)
{
  int min = 0;
  int nat = 0;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  return MAX (min, MIN (nat, width));
}

static int
child_height (GtkWidget *child,
              int        width)
{
  int min = 0;
  int nat = 0;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  return nat;
}

/* Walks the lines for @width; allocates the children when @allocate is
 * set. Returns the height of all lines. */
static int
flow (AkFlowLayout *self,
      GtkWidget    *widget,
      int           width,
      gboolean      allocate)
{
  GtkWidget *line_start = gtk_widget_get_first_child (widget);
  int y = 0;

  while (line_start != NULL)
    {
      GtkWidget *line_end = line_start;
      GtkWidget *child;
      int x = 0;
      int line_height = 0;

      /* Which children fit on this line: at least one. */
      for (child = line_start; child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          int w;

          if (!gtk_widget_should_layout (child))
            {
              line_end = gtk_widget_get_next_sibling (child);
              continue;
            }
          w = child_width (child, width);
          if (x > 0 && x + w > width)
            break;
          x += w + self->column_spacing;
          line_height = MAX (line_height, child_height (child, w));
          line_end = gtk_widget_get_next_sibling (child);
        }

      if (allocate)
        {
          x = 0;
          for (child = line_start; child != line_end; child = gtk_widget_get_next_sibling (child))
            {
              int w;
              int h;

              if (!gtk_widget_should_layout (child))
                continue;
              w = child_width (child, width);
              h = child_height (child, w);
              gtk_widget_size_allocate (child,
                                        &(GtkAllocation) { x, y + (line_height - h) / 2, w, h },
                                        -1);
              x += w + self->column_spacing;
            }
        }

      y += line_height;
      line_start = line_end;
      if (line_start != NULL)
        y += self->row_spacing;
    }
  return y;
}

static GtkSizeRequestMode
ak_flow_layout_get_request_mode (GtkLayoutManager *manager,
                                 GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ak_flow_layout_measure (GtkLayoutManager *manager,
                        GtkWidget        *widget,
                        GtkOrientation    orientation,
                        int               for_size,
                        int              *minimum,
                        int              *natural,
                        int              *minimum_baseline,
                        int              *natural_baseline)
{
  AkFlowLayout *self = AK_FLOW_LAYOUT (manager);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min = 0;
      int nat = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min = 0;
          int child_nat = 0;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat += child_nat + (nat > 0 ? self->column_spacing : 0);
        }
      *minimum = min;
      *natural = nat;
    }
  else
    {
      int width = for_size;
      int min_width = 0;

      /* Without a width, as wide as it would like: all on one line. */
      if (width < 0)
        ak_flow_layout_measure (manager, widget, GTK_ORIENTATION_HORIZONTAL, -1,
                                &min_width, &width, NULL, NULL);
      *minimum = *natural = flow (self, widget, width, FALSE);
    }
}

static void
ak_flow_layout_allocate (GtkLayoutManager *manager,
                         GtkWidget        *widget,
                         int               width,
                         int               height,
                         int               baseline)
{
  flow (AK_FLOW_LAYOUT (manager), widget, width, TRUE);
}

static void
ak_flow_layout_class_init (AkFlowLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->get_request_mode = ak_flow_layout_get_request_mode;
  manager_class->measure = ak_flow_layout_measure;
  manager_class->allocate = ak_flow_layout_allocate;
}

static void
ak_flow_layout_init (AkFlowLayout *self)
{
}

GtkLayoutManager *
ak_flow_layout_new (int column_spacing,
                    int row_spacing)
{
  AkFlowLayout *self = g_object_new (AK_TYPE_FLOW_LAYOUT, NULL);

  self->column_spacing = column_spacing;
  self->row_spacing = row_spacing;
  return GTK_LAYOUT_MANAGER (self);
}

struct _AkFlowBox
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (AkFlowBox, ak_flow_box, GTK_TYPE_WIDGET)

static void
ak_flow_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ak_flow_box_parent_class)->dispose (object);
}

static void
ak_flow_box_class_init (AkFlowBoxClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ak_flow_box_dispose;
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ak_flow_box_init (AkFlowBox *self)
{
}

GtkWidget *
ak_flow_box_new (int column_spacing,
                 int row_spacing)
{
  return g_object_new (AK_TYPE_FLOW_BOX,
                       "layout-manager", ak_flow_layout_new (column_spacing, row_spacing),
                       NULL);
}
