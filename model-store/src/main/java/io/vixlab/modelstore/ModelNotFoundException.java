package io.vixlab.modelstore;

import java.net.URI;

/** A model store holds no complete model under a key. */
public class ModelNotFoundException extends RuntimeException {

    public ModelNotFoundException(URI model) {
        super("the model store holds no model at " + model);
    }
}
