package web

import "net/http"

// accountRoutes registers this surface's pages (see routes.go). Every link tagdrop e-mails
// opens a page that changes nothing (mail scanners fetch links); its button POSTs, and only the
// POST uses the single-use token. Tokens travel in the query and in form fields, never in the
// path, which error logs record.
func (s *Server) accountRoutes(mux *http.ServeMux) {
	// Sign-up and the address verification link.
	mux.HandleFunc("GET /signup", s.signupPage)
	mux.HandleFunc("POST /signup", s.signup)
	mux.HandleFunc("GET /verify", s.verifyPage)
	mux.HandleFunc("POST /verify", s.verify)

	// Password reset by e-mailed link.
	mux.HandleFunc("GET /password/forgot", s.forgotPage)
	mux.HandleFunc("POST /password/forgot", s.forgot)
	mux.HandleFunc("GET /password/reset", s.resetPage)
	mux.HandleFunc("POST /password/reset", s.reset)

	// Password-less sign-in by e-mailed link.
	mux.HandleFunc("GET /signin/link", s.signinLinkPage)
	mux.HandleFunc("POST /signin/link", s.signinLink)
	mux.HandleFunc("GET /signin/link/confirm", s.signinLinkConfirmPage)
	mux.HandleFunc("POST /signin/link/confirm", s.signinLinkConfirm)

	// The signed-in shopper's own account.
	mux.HandleFunc("GET /account", s.accountPage)
	mux.HandleFunc("POST /account/password", s.changePassword)
	mux.HandleFunc("POST /account/password-link", s.accountPasswordLink)
	mux.HandleFunc("POST /account/verify", s.resendVerification)
	mux.HandleFunc("GET /account/export", s.exportAccount)
	mux.HandleFunc("POST /account/delete", s.deleteAccount)
	mux.HandleFunc("GET /account/deleted", s.accountDeleted)
}
