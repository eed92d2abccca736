package io.gridpbx.admin.shared;

/**
 * A form for one kind of object: it fills itself from the object as stored (secrets blank), and shows
 * the service's refusals next to its fields.
 *
 * @param <T> what the service returns for the object
 */
public interface Editor<T> {

    void edit(T item);

    FormErrors errors();
}
