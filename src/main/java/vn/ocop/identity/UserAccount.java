package vn.ocop.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A user account: who, what role where, and whether it may log in (failed logins are counted by LoginThrottle). */
@Entity
@Table(name = "app_user")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "display_name")
    private String displayName;

    private @Nullable String email;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Column(name = "jurisdiction_code")
    private @Nullable String jurisdictionCode;

    @Column(name = "producer_id")
    private @Nullable Long producerId;

    private boolean enabled = true;

    @Column(name = "last_login_at")
    private @Nullable Instant lastLoginAt;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    protected UserAccount() {
        this.username = "";
        this.passwordHash = "";
        this.displayName = "";
        this.role = Role.PRODUCER;
        this.passwordChangedAt = Instant.EPOCH;
        this.createdAt = Instant.EPOCH;
    }

    UserAccount(
            String username,
            String passwordHash,
            String displayName,
            @Nullable String email,
            Role role,
            @Nullable String jurisdictionCode,
            @Nullable Long producerId,
            Instant now) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.email = email;
        this.role = role;
        this.jurisdictionCode = jurisdictionCode;
        this.producerId = producerId;
        this.passwordChangedAt = now;
        this.createdAt = now;
    }

    /** A password login succeeded. */
    void loggedIn(Instant now) {
        lastLoginAt = now;
    }

    void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
    }

    /** Changes what the account may do and where; the caller ends its sessions and tokens. */
    void reassign(Role role, @Nullable String jurisdictionCode) {
        this.role = role;
        this.jurisdictionCode = jurisdictionCode;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void rename(String displayName, @Nullable String email) {
        this.displayName = displayName;
        this.email = email;
    }

    CurrentUser toCurrentUser() {
        return new CurrentUser(id(), username, displayName, role, jurisdictionCode, producerId);
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("not saved yet");
        }
        return id;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    String displayName() {
        return displayName;
    }

    @Nullable
    String email() {
        return email;
    }

    Role role() {
        return role;
    }

    @Nullable
    String jurisdictionCode() {
        return jurisdictionCode;
    }

    @Nullable
    Long producerId() {
        return producerId;
    }

    boolean enabled() {
        return enabled;
    }

    @Nullable
    Instant lastLoginAt() {
        return lastLoginAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    long version() {
        return version;
    }
}
