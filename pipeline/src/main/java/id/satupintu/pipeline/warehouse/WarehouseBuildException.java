package id.satupintu.pipeline.warehouse;

/** The warehouse could not be built, or its data tests failed: nothing was published. */
public final class WarehouseBuildException extends Exception {
    public WarehouseBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
