using Microsoft.Extensions.Logging;

namespace Orders.InventoryHost.Stock;

/// <summary>What the ledger tells its operators.</summary>
public sealed partial class StockLedger
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Reservation {ReservationId} arrived after its release: nothing is taken")]
    private partial void LogReserveAfterRelease(string reservationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reservation {ReservationId} replayed: it is already {Status}")]
    private partial void LogReplayed(string reservationId, ReservationStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reservation {ReservationId} is pending: carrying it on")]
    private partial void LogCarriedOn(string reservationId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reservation {ReservationId} reserved {LineCount} lines")]
    private partial void LogReserved(string reservationId, int lineCount);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Reservation {ReservationId} rejected: {ShortCount} products short, {UnknownCount} unknown")]
    private partial void LogRejected(string reservationId, int shortCount, int unknownCount);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Release of unknown reservation {ReservationId}: {HoldCount} holds left by a Reserve that stopped given back; a late Reserve will take nothing")]
    private partial void LogReleasedUnknown(string reservationId, int holdCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reservation {ReservationId} released (status {Status})")]
    private partial void LogReleased(string reservationId, ReservationStatus status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reservation {ReservationId} committed")]
    private partial void LogCommitted(string reservationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reservation {ReservationId} returned {LineCount} lines to stock")]
    private partial void LogReturned(string reservationId, int lineCount);
}
