-- A copy of the registry (restored backup, test or training database) never writes
-- to the citizens: the e-mails queued in the original are cancelled and the pending
-- acknowledgements dropped, so that turning a cron back on in the copy sends
-- nothing the original has sent or will send. Read by Odoo's neutralisation
-- (odoo-bin neutralize, bin/restore) for every database where cic_registry is installed.
UPDATE mail_mail
   SET state = 'cancel'
 WHERE state IN ('outgoing', 'exception');
UPDATE helpdesk_ticket
   SET cic_acknowledgement_pending = false
 WHERE cic_acknowledgement_pending;
