using NSubstitute;
using Orders.Application.Abstractions;
using Orders.Application.Products.GetProduct;
using Orders.Application.Products.SetStock;
using Orders.Domain.Common;
using Orders.Domain.Orders;

namespace Orders.UnitTests.Application.Products;

public sealed class ProductHandlerTests
{
    private static readonly ProductLookup.Found Beans = new(new ProductId("p1"), "Espresso beans", new Money(19.5m, "EUR"), 42);
    private readonly IProductCatalog _catalog = Substitute.For<IProductCatalog>();

    [TestCase("")]
    [TestCase("   ")]
    public async Task A_blank_product_id_is_not_found_without_asking_the_inventory(string productId)
    {
        var found = await new GetProductHandler(_catalog).Handle(new GetProductQuery(productId), CancellationToken.None);

        Assert.That(found, Is.TypeOf<ProductLookup.NotFound>());
        await _catalog.DidNotReceiveWithAnyArgs().FindAsync(default, default);
    }

    [Test]
    public async Task A_product_id_longer_than_any_product_has_is_not_found_without_asking_the_inventory()
    {
        var found = await new GetProductHandler(_catalog).Handle(new GetProductQuery(new string('p', ProductId.MaxLength + 1)), CancellationToken.None);

        Assert.That(found, Is.TypeOf<ProductLookup.NotFound>());
        await _catalog.DidNotReceiveWithAnyArgs().FindAsync(default, default);
    }

    [Test]
    public async Task A_product_id_of_the_longest_length_is_looked_up()
    {
        var longest = new ProductId(new string('p', ProductId.MaxLength));
        _catalog.FindAsync(longest, Arg.Any<CancellationToken>()).Returns(Beans);

        var found = await new GetProductHandler(_catalog).Handle(new GetProductQuery(longest.Value), CancellationToken.None);

        Assert.That(found, Is.EqualTo(Beans));
    }

    [Test]
    public async Task Setting_stock_answers_the_product_as_the_inventory_stored_it()
    {
        _catalog.SetStockAsync(new ProductId("p1"), 42, Arg.Any<CancellationToken>()).Returns(Beans);

        var result = await new SetStockHandler(_catalog).Handle(new SetStockCommand("p1", 42), CancellationToken.None);

        Assert.That(result, Is.EqualTo(new SetStockResult.Set(Beans)));
    }

    [Test]
    public async Task Setting_stock_of_an_unknown_product_is_not_found()
    {
        _catalog.SetStockAsync(default, default, default).ReturnsForAnyArgs(ProductLookup.Missing);

        var result = await new SetStockHandler(_catalog).Handle(new SetStockCommand("nope", 1), CancellationToken.None);

        Assert.That(result, Is.TypeOf<SetStockResult.NotFound>());
    }

    [Test]
    public async Task Setting_stock_while_the_inventory_is_down_says_why()
    {
        _catalog.SetStockAsync(default, default, default).ReturnsForAnyArgs(new ProductLookup.Unavailable("deadline exceeded"));

        var result = await new SetStockHandler(_catalog).Handle(new SetStockCommand("p1", 1), CancellationToken.None);

        Assert.That(result, Is.EqualTo(new SetStockResult.Unavailable("deadline exceeded")));
    }

    [TestCase("p1", 0, true)]
    [TestCase("p1", SetStockValidator.MaxAvailable, true)]
    [TestCase("p1", -1, false)]
    [TestCase("p1", SetStockValidator.MaxAvailable + 1, false)]
    [TestCase("", 1, false)]
    public void Stock_is_a_count_from_zero_to_the_maximum_of_a_named_product(string productId, int available, bool valid)
    {
        var result = new SetStockValidator().Validate(new SetStockCommand(productId, available));

        Assert.That(result.IsValid, Is.EqualTo(valid), string.Join("; ", result.Errors));
    }

    [Test]
    public void A_product_id_longer_than_any_product_has_is_refused()
    {
        var result = new SetStockValidator().Validate(new SetStockCommand(new string('p', ProductId.MaxLength + 1), 1));

        Assert.That(result.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { nameof(SetStockCommand.ProductId) }));
    }
}
