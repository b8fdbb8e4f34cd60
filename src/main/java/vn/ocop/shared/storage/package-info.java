/** Uploaded files on disk behind {@link vn.ocop.shared.storage.FileStore}; metadata stays with the owning module. */
@NullMarked
package vn.ocop.shared.storage;

import org.jspecify.annotations.NullMarked;
