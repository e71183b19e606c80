package id.satupintu.schemas.contract;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/** The column types a contract may use, with their Arrow, Parquet and DuckDB spellings. */
public enum ColumnType {
    STRING(ArrowType.Utf8.INSTANCE, PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType(), "VARCHAR"),
    INT32(new ArrowType.Int(32, true), PrimitiveTypeName.INT32, null, "INTEGER"),
    INT64(new ArrowType.Int(64, true), PrimitiveTypeName.INT64, null, "BIGINT"),
    BOOLEAN(ArrowType.Bool.INSTANCE, PrimitiveTypeName.BOOLEAN, null, "BOOLEAN"),
    DOUBLE(
            new ArrowType.FloatingPoint(org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE),
            PrimitiveTypeName.DOUBLE,
            null,
            "DOUBLE"),
    DATE(new ArrowType.Date(DateUnit.DAY), PrimitiveTypeName.INT32, LogicalTypeAnnotation.dateType(), "DATE"),
    TIMESTAMP(
            new ArrowType.Timestamp(TimeUnit.MICROSECOND, null),
            PrimitiveTypeName.INT64,
            LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS),
            "TIMESTAMP");

    private final ArrowType arrowType;
    private final PrimitiveTypeName parquetPrimitive;
    private final LogicalTypeAnnotation parquetLogicalType;
    private final String duckDbType;

    ColumnType(
            ArrowType arrowType,
            PrimitiveTypeName parquetPrimitive,
            LogicalTypeAnnotation parquetLogicalType,
            String duckDbType) {
        this.arrowType = arrowType;
        this.parquetPrimitive = parquetPrimitive;
        this.parquetLogicalType = parquetLogicalType;
        this.duckDbType = duckDbType;
    }

    public ArrowType arrowType() {
        return arrowType;
    }

    public PrimitiveTypeName parquetPrimitive() {
        return parquetPrimitive;
    }

    /** The Parquet logical type annotation, or null where the primitive says it all. */
    public LogicalTypeAnnotation parquetLogicalType() {
        return parquetLogicalType;
    }

    public String duckDbType() {
        return duckDbType;
    }
}
