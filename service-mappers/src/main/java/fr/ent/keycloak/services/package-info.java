/**
 * What services receive of a student: the SupAnn claims over OIDC ({@link fr.ent.keycloak.services.SupannMapper}) and
 * attributes over SAML ({@link fr.ent.keycloak.services.SupannSamlMapper}), the university address
 * ({@link fr.ent.keycloak.services.UniversityEmailMapper}), decided by the core
 * ({@link fr.ent.keycloak.services.core.SupannClaims}) from where the student stands in the lifecycle. A university
 * that does not want them leaves this jar out; the rest of the pack works without it (OptionalJarsIT).
 *
 * <p>Keycloak internals used by this module, each checked against Keycloak 26.7.0 (compiled) and 26.7.3 (run), with
 * the test that fails first if an upgrade breaks it:
 *
 * <table>
 *   <caption>internals used</caption>
 *   <tr><th>use</th><th>what for</th><th>fails first</th></tr>
 *   <tr><td>{@code AbstractOIDCProtocolMapper}, {@code OIDCAttributeMapperHelper} (keycloak-services)</td>
 *       <td>the OIDC mappers, extended</td><td>UniversityAddressIT</td></tr>
 *   <tr><td>{@code AbstractSAMLProtocolMapper}, {@code AttributeType} (keycloak-saml-core)</td><td>the SAML
 *       mapper, extended</td><td>SamlServiceIT</td></tr>
 * </table>
 */
package fr.ent.keycloak.services;
