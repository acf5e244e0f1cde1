package fr.ent.keycloak.services;

import java.util.ArrayList;
import java.util.List;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The pack's OIDC mappers of what services receive about a student: in the ID token, the access token, the userinfo
 * answer and introspection, each switchable as for Keycloak's own mappers.
 */
public abstract class StudentTokenMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    private final String id;
    private final List<ProviderConfigProperty> properties;

    /** @param settings the mapper's own settings, before the "add to ID token / access token…" switches */
    StudentTokenMapper(String id, List<ProviderConfigProperty> settings) {
        this.id = id;
        List<ProviderConfigProperty> all = new ArrayList<>(settings);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(all, getClass());
        this.properties = List.copyOf(all);
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public final List<ProviderConfigProperty> getConfigProperties() {
        return properties;
    }
}
