package store

import (
	"fmt"

	"github.com/pinggu/pinggu"
)

// endCredentials ends every session of an account but keep (0 for none) and
// revokes every API token it has, in c's transaction.
func (c *conn) endCredentials(userID, keep int64) (pinggu.CredentialsEnded, error) {
	var ended pinggu.CredentialsEnded
	res, err := c.exec("DELETE FROM sessions WHERE user_id = ? AND id <> ?", userID, keep)
	if err != nil {
		return ended, err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return ended, err
	}
	ended.Sessions = int(n)
	res, err = c.exec("UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL", tval(c.now), userID)
	if err != nil {
		return ended, err
	}
	if n, err = res.RowsAffected(); err != nil {
		return ended, err
	}
	ended.Tokens = int(n)
	return ended, nil
}

// endedText is what an audit entry says a password change ended.
type endedText pinggu.CredentialsEnded

func (e endedText) String() string {
	return fmt.Sprintf("；结束其他会话%d个，吊销访问令牌%d个（%d other sessions ended, %d API tokens revoked）", e.Sessions, e.Tokens, e.Sessions, e.Tokens)
}
