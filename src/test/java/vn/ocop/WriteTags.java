package vn.ocop;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Tells the database which test thread a write comes from: while a thread runs {@link #as}, every connection it takes
 * from the application's pool carries the tag in the session setting {@code ocop.write_tag} (cleared when the
 * connection goes back), so a row trigger can record it ({@code current_setting('ocop.write_tag', true)}). Test classes
 * run side by side; the security suite's write watch counts only the writes of its own calls this way, whatever the
 * other classes write meanwhile. Writes made on other threads for a tagged call (listeners of its events, after commit)
 * are not tagged.
 *
 * <p>Registered for every test context in {@code META-INF/spring.factories}. An untagged thread pays one thread-local
 * read per connection.
 */
public final class WriteTags extends EveryTestContext {

    private static final ThreadLocal<String> TAG = new ThreadLocal<>();
    private static final Pattern SAFE = Pattern.compile("[a-z][a-z0-9_-]{0,30}");

    /** Runs the work with this thread's connections tagged. */
    public static <T> T as(String tag, Callable<T> work) throws Exception {
        if (!SAFE.matcher(tag).matches()) {
            throw new IllegalArgumentException("tag: " + tag);
        }
        String before = TAG.get();
        TAG.set(tag);
        try {
            return work.call();
        } finally {
            if (before == null) {
                TAG.remove();
            } else {
                TAG.set(before);
            }
        }
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof TaggingDataSource)
                        ? new TaggingDataSource(dataSource)
                        : bean;
            }
        });
    }

    /** The pool, with the connections of a tagged thread tagged. */
    static final class TaggingDataSource extends DelegatingDataSource {

        TaggingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return tagged(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return tagged(super.getConnection(username, password));
        }

        private static Connection tagged(Connection connection) throws SQLException {
            String tag = TAG.get();
            if (tag == null) {
                return connection;
            }
            setTag(connection, tag);
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().equals("close") && !connection.isClosed()) {
                    try {
                        setTag(connection, "");
                    } catch (SQLException ignored) {
                        // a broken connection: the pool drops it
                    }
                }
                try {
                    return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (Connection) Proxy.newProxyInstance(
                    WriteTags.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
        }

        private static void setTag(Connection connection, String tag) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT set_config('ocop.write_tag', '" + tag + "', false)");
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }
}
