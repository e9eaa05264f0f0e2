/** Platform cryptography: SM2/SM3 seals, the key vault, JWS keys with their JWKS route, and QR codes. */
export { SM2_DEFAULT_USER_ID, loadSm2, sm2PublicKeyPem, sm3Hex, type Sm2 } from './sm2.ts';
export { createKeyVault, keyVaultFromEnv, parseMasterKey, type KeyVault } from './vault.ts';
export { createJwsKeys, jwksRoute, JWS_ALG, type JwsKeys, type PublicJwk } from './jws.ts';
export { qrSvg, qrPng } from './qr.ts';
