package io.vixlab.kit.database;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The child process of {@link LocalDatabaseDurabilityTest}: opens the H2 file database at the URL
 * it is given, commits one row per transaction (ids 1, 2, ...) and prints each id once its commit
 * has returned, until it is killed.
 */
public final class CommitWriter {

    private CommitWriter() {
    }

    public static void main(String[] args) throws SQLException {
        exitWhenParentGoes();
        try (Connection db = DriverManager.getConnection(args[0], LocalDatabaseDurabilityTest.USER, "")) {
            db.createStatement().execute(LocalDatabaseDurabilityTest.CREATE_TABLE);
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO committed(id) VALUES (?)")) {
                for (long id = 1; ; id++) {
                    insert.setLong(1, id);
                    insert.executeUpdate();
                    db.commit();
                    System.out.println(id);
                    System.out.flush();
                }
            }
        }
    }

    /** The test holds this process's stdin open; end of input means the test's JVM is gone. */
    private static void exitWhenParentGoes() {
        Thread watch = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // nothing is sent; wait for the end
                }
            } catch (IOException e) {
                // the pipe broke: the parent is gone as well
            }
            Runtime.getRuntime().halt(2);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
