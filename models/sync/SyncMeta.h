#pragma once

// The store_meta keys of the sync client (Database::meta()). The store's root organisation
// (meta::RootOrganisation) and client id (meta::ClientId) are the store's own keys.
namespace ud::sync::meta {
inline constexpr auto ServerUrl = "server_url";
inline constexpr auto Cursor = "sync_cursor"; // the pull cursor the server gave with the last applied page
inline constexpr auto AccountLogin = "account_login";
inline constexpr auto AccountOrganisation = "account_organisation";
inline constexpr auto AccountRole = "account_role";
inline constexpr auto LastSyncAt = "last_sync_at";       // ISO UTC of the last complete run
inline constexpr auto LastSyncError = "last_sync_error"; // '' after a complete run
} // namespace ud::sync::meta
