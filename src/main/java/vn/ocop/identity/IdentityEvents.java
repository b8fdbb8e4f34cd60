package vn.ocop.identity;

import org.jspecify.annotations.Nullable;
import vn.ocop.shared.AuditableEvent;

/** Facts the identity module announces; all of them go to the audit trail. */
public final class IdentityEvents {

    private IdentityEvents() {}

    /** A user account was created. */
    public record UserCreated(
            long userId,
            String username,
            Role role,
            @Nullable String jurisdictionCode) implements AuditableEvent {
        @Override
        public String auditAction() {
            return "user.created";
        }

        @Override
        public String auditObjectType() {
            return "user";
        }

        @Override
        public String auditObjectId() {
            return username;
        }

        @Override
        public String auditSummary() {
            return "role=" + role + (jurisdictionCode == null ? "" : ", jurisdiction=" + jurisdictionCode);
        }

        @Override
        public @Nullable String auditLocation() {
            return jurisdictionCode;
        }
    }

    /** An account's role, jurisdiction, name or enabled flag changed; {@code summary} says from what to what. */
    public record UserUpdated(
            long userId, String username, @Nullable String jurisdictionCode, String summary) implements AuditableEvent {
        @Override
        public String auditAction() {
            return "user.updated";
        }

        @Override
        public String auditObjectType() {
            return "user";
        }

        @Override
        public String auditObjectId() {
            return username;
        }

        @Override
        public String auditSummary() {
            return summary;
        }

        @Override
        public @Nullable String auditLocation() {
            return jurisdictionCode;
        }
    }

    /** A password was changed by its owner or reset by an administrator. */
    public record PasswordChanged(String username, boolean reset) implements AuditableEvent {
        @Override
        public String auditAction() {
            return reset ? "user.password-reset" : "user.password-changed";
        }

        @Override
        public String auditObjectType() {
            return "user";
        }

        @Override
        public String auditObjectId() {
            return username;
        }

        @Override
        public String auditSummary() {
            return reset ? "password reset by an administrator" : "password changed by the user";
        }
    }

    /** A login (page or API token request) succeeded. */
    public record LoginSucceeded(String username, String channel) implements AuditableEvent {
        @Override
        public String auditAction() {
            return "auth.login";
        }

        @Override
        public String auditObjectType() {
            return "user";
        }

        @Override
        public String auditObjectId() {
            return username;
        }

        @Override
        public String auditSummary() {
            return "channel=" + channel;
        }

        @Override
        public @Nullable String auditActor() {
            return username;
        }
    }

    /** A login failed; {@code lockedOut} when this failure locked the account. */
    public record LoginFailed(String username, String reason, boolean lockedOut) implements AuditableEvent {
        @Override
        public String auditAction() {
            return lockedOut ? "auth.locked-out" : "auth.login-failed";
        }

        @Override
        public String auditObjectType() {
            return "user";
        }

        @Override
        public String auditObjectId() {
            return username;
        }

        @Override
        public String auditSummary() {
            return "reason=" + reason;
        }

        @Override
        public @Nullable String auditActor() {
            return "anonymous";
        }
    }

    /** An API token was issued. */
    public record ApiTokenIssued(long tokenId, String username) implements AuditableEvent {
        @Override
        public String auditAction() {
            return "auth.token-issued";
        }

        @Override
        public String auditObjectType() {
            return "api-token";
        }

        @Override
        public String auditObjectId() {
            return Long.toString(tokenId);
        }

        @Override
        public String auditSummary() {
            return "for " + username;
        }

        @Override
        public @Nullable String auditActor() {
            return username;
        }
    }

    /** An API token was revoked. */
    public record ApiTokenRevoked(long tokenId, String owner) implements AuditableEvent {
        @Override
        public String auditAction() {
            return "auth.token-revoked";
        }

        @Override
        public String auditObjectType() {
            return "api-token";
        }

        @Override
        public String auditObjectId() {
            return Long.toString(tokenId);
        }

        @Override
        public String auditSummary() {
            return "owner " + owner;
        }
    }
}
