/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-library-list.h"

struct _AkLibraryList
{
  GObject    parent_instance;

  GType      item_type;
  GPtrArray *items;
};

static void ak_library_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AkLibraryList, ak_library_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ak_library_list_model_init))

static GHashTable *
set_of (GPtrArray *items)
{
  GHashTable *set = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < items->len; i++)
    g_hash_table_add (set, g_ptr_array_index (items, i));
  return set;
}

/* Whether the items in both arrays come in the same order in each. */
static gboolean
same_order (GPtrArray  *items,
            GHashTable *items_set,
            GPtrArray  *wanted,
            GHashTable *wanted_set)
{
  guint j = 0;

  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);

      if (!g_hash_table_contains (wanted_set, item))
        continue;
      while (j < wanted->len && !g_hash_table_contains (items_set, g_ptr_array_index (wanted, j)))
        j++;
      if (j == wanted->len || g_ptr_array_index (wanted, j) != item)
        return FALSE;
      j++;
    }
  return TRUE;
}

static void
splice (GListModel *model,
        GPtrArray  *items,
        guint       position,
        guint       n_removed,
        GPtrArray  *wanted,
        guint       first,
        guint       n_added)
{
  if (n_removed > 0)
    g_ptr_array_remove_range (items, position, n_removed);
  for (guint k = 0; k < n_added; k++)
    g_ptr_array_insert (items, position + k, g_object_ref (g_ptr_array_index (wanted, first + k)));
  if (n_removed > 0 || n_added > 0)
    g_list_model_items_changed (model, position, n_removed, n_added);
}

/**
 * ak_library_list_apply:
 * @model: the model whose items @items are
 * @items: (element-type GObject): the model's items, owning a reference
 *   to each; changed to @wanted
 * @wanted: (element-type GObject): the new items
 *
 * Emits one #GListModel::items-changed per run of changed items. Should
 * the items that stay come in another order (the search path changed),
 * everything is replaced at once.
 */
void
ak_library_list_apply (GListModel *model,
                       GPtrArray  *items,
                       GPtrArray  *wanted)
{
  g_autoptr(GHashTable) items_set = set_of (items);
  g_autoptr(GHashTable) wanted_set = set_of (wanted);
  guint i = 0;
  guint j = 0;

  if (!same_order (items, items_set, wanted, wanted_set))
    {
      splice (model, items, 0, items->len, wanted, 0, wanted->len);
      return;
    }

  while (i < items->len || j < wanted->len)
    {
      guint n_removed = 0;
      guint n_added = 0;

      if (i < items->len && j < wanted->len &&
          g_ptr_array_index (items, i) == g_ptr_array_index (wanted, j))
        {
          i++;
          j++;
          continue;
        }

      while (i + n_removed < items->len &&
             !g_hash_table_contains (wanted_set, g_ptr_array_index (items, i + n_removed)))
        n_removed++;
      while (j + n_added < wanted->len &&
             !g_hash_table_contains (items_set, g_ptr_array_index (wanted, j + n_added)))
        n_added++;
      g_assert (n_removed > 0 || n_added > 0);

      splice (model, items, i, n_removed, wanted, j, n_added);
      i += n_added;
      j += n_added;
    }
}

static GType
list_get_item_type (GListModel *model)
{
  return AK_LIBRARY_LIST (model)->item_type;
}

static guint
list_get_n_items (GListModel *model)
{
  return AK_LIBRARY_LIST (model)->items->len;
}

static gpointer
list_get_item (GListModel *model,
               guint       position)
{
  AkLibraryList *self = AK_LIBRARY_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
ak_library_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

static void
ak_library_list_finalize (GObject *object)
{
  AkLibraryList *self = (AkLibraryList *)object;

  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (ak_library_list_parent_class)->finalize (object);
}

static void
ak_library_list_class_init (AkLibraryListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ak_library_list_finalize;
}

static void
ak_library_list_init (AkLibraryList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

AkLibraryList *
ak_library_list_new (GType item_type)
{
  AkLibraryList *self = g_object_new (AK_TYPE_LIBRARY_LIST, NULL);

  self->item_type = item_type;
  return self;
}

/**
 * ak_library_list_update:
 * @wanted: (element-type GObject): the new items
 */
void
ak_library_list_update (AkLibraryList *self,
                        GPtrArray     *wanted)
{
  g_return_if_fail (AK_IS_LIBRARY_LIST (self));
  ak_library_list_apply (G_LIST_MODEL (self), self->items, wanted);
}

/**
 * ak_library_list_peek:
 *
 * Returns: (transfer none): the items, not to be changed
 */
GPtrArray *
ak_library_list_peek (AkLibraryList *self)
{
  g_return_val_if_fail (AK_IS_LIBRARY_LIST (self), NULL);
  return self->items;
}
