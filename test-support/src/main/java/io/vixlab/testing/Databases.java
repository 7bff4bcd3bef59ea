package io.vixlab.testing;

import java.sql.SQLException;
import javax.sql.DataSource;

/** What a persistence test asks of the database it runs on. */
public final class Databases {

    private Databases() {
    }

    /** The JDBC product name ("H2", "PostgreSQL"): proves which database a test really used. */
    public static String productName(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's product name", e);
        }
    }
}
